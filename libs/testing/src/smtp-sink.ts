import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from '@paritrana/infra/ports';

export interface ReceivedMail {
  envelopeTo: string[];
  parsed: ParsedMail;
}

/** A real SMTP server in the test process that keeps every message it accepts. */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  private server?: SMTPServer;
  port = 0;

  /** Answers the next `count` messages with a temporary 451 refusal before accepting. */
  refuseNext = 0;

  /** Recipients refused for good (550), as for an address that does not exist. */
  readonly unknownRecipients = new Set<string>();

  /** Holds each message this long before answering, as a slow server would. */
  holdMs = 0;

  /** Messages received and not yet answered. */
  holding = 0;

  /** The recipients of the messages held now. */
  readonly heldFor: string[][] = [];

  private readonly closed = new Set<string>();

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.port = await freePort();
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onClose: (session) => void this.closed.add(session.id),
      onRcptTo: (address, _session, callback) =>
        this.unknownRecipients.has(address.address)
          ? callback(Object.assign(new Error('No such user'), { responseCode: 550 }))
          : callback(),
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (this.refuseNext > 0) {
            this.refuseNext--;
            callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
            return;
          }
          this.holding++;
          const recipients = session.envelope.rcptTo.map((r) => r.address);
          this.heldFor.push(recipients);
          setTimeout(() => {
            this.holding--;
            this.heldFor.splice(this.heldFor.indexOf(recipients), 1);
            // A client gone before the answer never saw its message accepted: a real server would not deliver it.
            if (this.closed.has(session.id)) return callback(new Error('client went away'));
            void simpleParser(Buffer.concat(chunks)).then((parsed) => {
              this.messages.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), parsed });
              callback();
            }, callback);
          }, this.holdMs);
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
