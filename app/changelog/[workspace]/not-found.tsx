export default function PortalNotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-lg flex-col items-center justify-center bg-white px-6 text-center">
      <p className="text-sm font-semibold text-slate-500">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900">This update does not exist</h1>
      <p className="mt-3 text-slate-600">The changelog or post you are looking for was moved, unpublished, or never existed.</p>
    </main>
  );
}
