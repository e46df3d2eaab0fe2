// Built once and precached by the service worker, so it is there when the network is not.
export const prerender = true;
