import "server-only";
import nodemailer from "nodemailer";

/** Sends a plain-text mail when SMTP_URL is configured; false when mail is off or the server refused. */
export async function sendMail(to: string, subject: string, text: string): Promise<boolean> {
  const url = process.env.SMTP_URL;
  if (!url) return false;
  try {
    const transport = nodemailer.createTransport(url);
    await transport.sendMail({ from: process.env.EMAIL_FROM ?? "Herald <no-reply@herald.local>", to, subject, text });
    return true;
  } catch {
    return false; // the caller shows the link instead, so nothing is lost
  }
}
