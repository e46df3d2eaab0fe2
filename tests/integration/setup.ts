// Integration tests log nothing unless asked; they never talk to SMTP or the network by default.
process.env.LOG_LEVEL ??= 'silent';
delete process.env.SMTP_URL;
