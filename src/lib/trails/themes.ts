/** The themes a project is filed under, for the map's filter; their names are messages. */
export const themes = ['heritage', 'memory', 'sound', 'art', 'nature', 'maritime', 'neighbourhood'] as const;
export type Theme = (typeof themes)[number];
