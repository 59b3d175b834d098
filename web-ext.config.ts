import { defineWebExtConfig } from 'wxt';

/** `wxt` dev never launches a browser of its own: `npm start` does that with the system browser. */
export default defineWebExtConfig({ disabled: true });
