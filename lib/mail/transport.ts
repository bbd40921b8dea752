import nodemailer from "nodemailer";

export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/**
 * SMTP through nodemailer; `smtpUrl` carries host, port, credentials and TLS (smtp:// or smtps://). The
 * timeouts keep one attempt well inside the outbox's 10-minute claim, so a slow server cannot let a
 * concurrent run send the same message while this one still waits.
 */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 120_000 });
  return {
    async send({ to, subject, text }) {
      await transport.sendMail({ from, to, subject, text });
    },
  };
}
