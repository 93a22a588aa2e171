// The gallery (dist/gallery) in headless Chromium: every story of its registry, in every state
// the gallery offers for it (the values control; the auth mode control switches between form
// stories, each listed on its own), in light and dark, plus the Live page. Each state must render
// its screen without console errors or warnings and pass axe-core at WCAG 2.2 AA.
//
// The story list comes from the gallery itself (`<script id="gx-registry">`), never from this
// file. One browser; a few pages walk the states in parallel by changing the URL hash, so the
// wasm app loads once per page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { stubLogoCdn } from '../gallery/logo-cdn.mjs';
import { DIST_DIR, axeViolations, formatViolations, launchBrowser, screenshot, startStaticServer, waitFor } from '../harness.mjs';

const GALLERY_DIR = join(DIST_DIR, 'gallery');
const MISSING = existsSync(join(GALLERY_DIR, 'index.html'))
    ? false
    : 'dist/gallery is not built (cargo xtask build-web --app gallery)';

/** Pages walking the states at once (2 cores on CI: more only adds contention). */
const WORKERS = Number(process.env.GALLERY_TEST_WORKERS ?? 2);
/** The themes every state is checked in. */
const THEMES = ['light', 'dark'];
/** How long one state may take to show its screen. */
const RENDER_TIMEOUT_MS = 10_000;

/** `#/story/ID?k=v` with `theme` set (light is the default, so it is left out). */
function withTheme(hash, theme) {
    const [path, query = ''] = hash.split('?');
    const params = new URLSearchParams(query);
    params.delete('theme');
    if (theme !== 'light') params.set('theme', theme);
    const search = params.toString();
    return search ? `${path}?${search}` : path;
}

/** A hash reduced to its path and sorted parameters, to compare two spellings of one route. */
function canonical(hash) {
    const [path, query = ''] = hash.replace(/^#/, '').split('?');
    const params = [...new URLSearchParams(query)].sort(([a], [b]) => a.localeCompare(b));
    return `${path}?${new URLSearchParams(params)}`;
}

describe('gallery: every story in Chromium, axe and console clean', { skip: MISSING }, () => {
    let statics;
    let browser;
    let registry;
    /** One entry per checked state: { label, story, hash, theme, consoleMessages, violations, error }. */
    const results = [];
    /** Console errors and warnings, each with the result of the state shown when it came. */
    const messages = [];
    let elapsedMs = 0;

    before(async () => {
        statics = await startStaticServer();
        browser = await launchBrowser();
        const base = `${statics.url}/dist/gallery/`;

        const first = await browser.newPage();
        await first.goto(`${base}#/story/list`);
        const json = await (await first.waitForSelector('script#gx-registry', { state: 'attached', timeout: 30_000 })).textContent();
        registry = JSON.parse(json);
        await first.close();

        // A story's first state is checked as a whole page (chrome, controls, canvas, snippet);
        // its other values states differ only in the canvas, so axe checks just the canvas there
        // (axe on the whole page costs ~1 s a state on CI's 2 cores).
        const jobs = [];
        for (const story of registry.stories) {
            story.states.forEach((state, index) => {
                for (const theme of THEMES) {
                    jobs.push({ story, hash: withTheme(state, theme), theme, scope: index === 0 ? null : '.gx-stage' });
                }
            });
        }
        for (const theme of THEMES) jobs.push({ story: null, hash: withTheme('#/live', theme), theme, scope: null });

        const started = Date.now();
        let next = 0;
        const worker = async () => {
            const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
            await stubLogoCdn(context);
            const page = await context.newPage();
            let current = null;
            page.on('console', (message) => {
                if (message.type() === 'error' || message.type() === 'warning') {
                    messages.push({ job: current, text: `${message.type()}: ${message.text()}` });
                }
            });
            page.on('pageerror', (error) => messages.push({ job: current, text: `uncaught: ${error.message}` }));
            await page.goto(`${base}#/story/list`);
            await page.waitForSelector('script#gx-registry', { state: 'attached', timeout: 30_000 });
            while (next < jobs.length) {
                const job = jobs[next++];
                const result = { label: `${job.hash} (${job.theme}${job.scope ? `, axe on ${job.scope}` : ''})`, ...job, consoleMessages: [], violations: [], error: null };
                current = result;
                try {
                    await showState(page, job);
                    result.violations = await axeViolations(page, job.scope ?? undefined);
                    if (result.violations.length > 0) await screenshot(page, `gallery-axe-${job.hash}-${job.theme}`);
                } catch (error) {
                    result.error = error.message;
                    await screenshot(page, `gallery-error-${job.hash}-${job.theme}`).catch(() => null);
                }
                results.push(result);
            }
            // Late messages of the last state.
            await new Promise((done) => setTimeout(done, 200));
            await context.close();
        };
        await Promise.all(Array.from({ length: Math.max(1, WORKERS) }, worker));
        elapsedMs = Date.now() - started;
        for (const result of results) {
            result.consoleMessages = messages.filter((message) => message.job === result).map((message) => message.text);
        }
        // Messages while the first story loaded (no state yet) count too: pinned on the first result.
        const early = messages.filter((message) => message.job === null).map((message) => message.text);
        if (results.length > 0) results[0].consoleMessages.push(...early);
    });

    after(async () => {
        await browser?.close();
        await statics?.stop();
    });

    /** Puts `job`'s route in the URL and waits until the gallery shows it. */
    async function showState(page, job) {
        await page.evaluate((hash) => { window.location.hash = hash; }, job.hash);
        const wanted = canonical(job.hash);
        await waitFor(() => page.evaluate(({ theme }) => {
            const root = document.querySelector('.gx');
            return root?.getAttribute('data-theme') === theme;
        }, job), RENDER_TIMEOUT_MS, `the ${job.theme} chrome`);
        if (job.story) {
            await waitFor(async () => {
                const shown = await page.evaluate(() => document.querySelector('.gx-url')?.textContent ?? '');
                return canonical(shown) === wanted;
            }, RENDER_TIMEOUT_MS, `the story link to read ${job.hash}`);
            await page.waitForSelector('.gx-frame [data-screen]', { timeout: RENDER_TIMEOUT_MS });
            const title = await page.textContent('.gx-story-title');
            assert.equal(title, job.story.title, `the story heading of ${job.hash}`);
        } else {
            await page.waitForSelector('.gx-live', { timeout: RENDER_TIMEOUT_MS });
        }
        // Two frames: the canvas's first effects (focus, windowing) settle.
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    }

    test('the registry in the page lists stories with their states', () => {
        assert.ok(registry.stories.length >= 30, `only ${registry.stories.length} stories`);
        const ids = new Set(registry.stories.map((story) => story.id));
        assert.equal(ids.size, registry.stories.length, 'story ids are unique');
        for (const story of registry.stories) {
            assert.ok(story.states.length >= 1, `${story.id} has a state`);
            if (story.authMode) assert.equal(story.states.length, 4, `${story.id}: every values choice`);
        }
        assert.ok(registry.stories.some((story) => story.authMode), 'the auth mode control has stories');
    });

    test('every story state renders without console errors or warnings and passes axe, light and dark', async (t) => {
        const checked = results.length;
        t.diagnostic(`${checked} states (${registry.stories.length} stories + live, ${THEMES.join(' and ')}) in ${(elapsedMs / 1000).toFixed(1)} s with ${WORKERS} page(s)`);
        assert.equal(
            checked,
            registry.stories.reduce((sum, story) => sum + story.states.length, 1) * THEMES.length,
            'every state was checked'
        );
        const failures = results.filter((result) => result.error || result.violations.length > 0 || result.consoleMessages.length > 0);
        const report = failures.map((result) => [
            `${result.label}:`,
            result.error ? `  did not render: ${result.error}` : null,
            result.consoleMessages.length > 0 ? `  console:\n    ${result.consoleMessages.join('\n    ')}` : null,
            result.violations.length > 0 ? `  axe:\n    ${formatViolations(result.violations).replace(/\n/g, '\n    ')}` : null
        ].filter(Boolean).join('\n')).join('\n');
        assert.equal(failures.length, 0, `${failures.length} of ${checked} states failed:\n${report}`);
    });
});
