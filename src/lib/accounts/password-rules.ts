/** Shared by the forms (hints) and the server (better-auth and the form schemas). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
