import nodemailer, { type Transporter } from 'nodemailer';

export type MailTransport = {
	send: (message: { to: string; subject: string; text: string }) => Promise<void>;
	close: () => void;
};

export function smtpTransport(smtpUrl: string, from: string): MailTransport {
	const transporter: Transporter = nodemailer.createTransport(smtpUrl);
	return {
		async send(message) {
			await transporter.sendMail({ from, ...message });
		},
		close: () => transporter.close()
	};
}
