// The gallery's fixtures point provider logos at Nango's CDN (app.nango.dev). The gallery tests
// answer those requests with a neutral SVG so they run offline and check the gallery, not the
// network.

/** The logo URLs of the fixtures. */
export const LOGO_CDN = /^https:\/\/app\.nango\.dev\/images\//;

/** A plain rounded square. */
export const STUB_LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect width="24" height="24" rx="6" fill="#8892a0"/></svg>';

/** Serves every CDN logo request of a Playwright browser context from the stub. */
export async function stubLogoCdn(context) {
    await context.route(LOGO_CDN, (route) => route.fulfill({ status: 200, contentType: 'image/svg+xml', body: STUB_LOGO }));
}
