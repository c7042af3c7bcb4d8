/** The dashboard's sections, in sidebar order, with what each shows before it has content. */
export const SECTIONS = [
  { segment: "experiences", label: "Experiences", empty: "Announcements, banners, tours, hints and surveys you publish to your app appear here." },
  { segment: "segments", label: "Segments", empty: "Segments target experiences by the attributes your app sends, like plan = paying." },
  { segment: "surveys", label: "Surveys", empty: "Results of your published surveys appear here once end users answer them." },
  { segment: "users", label: "Users", empty: "End users appear once the Herald snippet runs in your app. They stay anonymous until you identify them." },
  { segment: "changelog", label: "Changelog", empty: "Write posts for your public changelog portal and the in-app widget." },
  { segment: "settings", label: "Settings", empty: "Workspace name, install snippet, identity verification, theme and members." },
  { segment: "billing", label: "Billing", empty: "Your plan and payment details." },
] as const;

export type SectionSegment = (typeof SECTIONS)[number]["segment"];
