import "server-only";
import nodemailer from "nodemailer";

/** Sends a plain-text mail when SMTP_URL is configured; returns false when mail is off. */
export async function sendMail(to: string, subject: string, text: string): Promise<boolean> {
  const url = process.env.SMTP_URL;
  if (!url) return false;
  const transport = nodemailer.createTransport(url);
  await transport.sendMail({ from: process.env.EMAIL_FROM ?? "Herald <no-reply@herald.local>", to, subject, text });
  return true;
}
