// A real SMTP server (smtp-server) for end-to-end tests; received mail is parsed with mailparser and
// listed over HTTP so that a test can read its message: GET /messages?to=<address>.
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";
import http from "node:http";
import { E2E } from "../support/ports";

type Mail = { to: string[]; subject: string; text: string; receivedAt: number };
const inbox: Mail[] = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        inbox.push({
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          subject: mail.subject ?? "",
          text: mail.text ?? "",
          receivedAt: Date.now(),
        });
        callback();
      })
      .catch(callback);
  },
});
smtp.listen(E2E.smtpPort, "127.0.0.1");

http
  .createServer((req, res) => {
    const url = new URL(req.url ?? "/", E2E.mailboxUrl);
    if (url.pathname === "/health") return void res.end("ok");
    const to = url.searchParams.get("to")?.toLowerCase();
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(inbox.filter((m) => !to || m.to.includes(to))));
  })
  .listen(E2E.mailboxPort, "127.0.0.1");
