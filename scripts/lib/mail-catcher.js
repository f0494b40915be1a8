#!/usr/bin/env node
'use strict';
/**
 * A real SMTP server for the browser tests, in its own process (the e2e runner blocks its event loop while
 * jest runs): each message received is appended as one JSON line to the file named by argv[2]; the port it
 * listens on is printed as the first line of stdout.
 */
const fs = require('fs');
const { SMTPServer } = require('smtp-server');
const { simpleParser } = require('mailparser');

const log = process.argv[2];
fs.rmSync(log, { force: true });
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        fs.appendFileSync(log, JSON.stringify({ to, subject: mail.subject ?? '', text: mail.text ?? '' }) + '\n');
        callback();
      })
      .catch(callback);
  },
});
server.listen(0, '127.0.0.1', () => console.log(server.server.address().port));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
