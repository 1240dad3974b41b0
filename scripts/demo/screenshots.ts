/**
 * `npm run demo:screenshots`: the README's pictures of the product on the West London demo, taken
 * from a running `npm run demo` (DEMO_URL, http://localhost:3000) in Chromium (CHROMIUM_PATH,
 * /usr/bin/chromium), signed in as each demo user with the demo's passwords (DEMO_PASSWORD or
 * .demo/credentials.json). Publishes the alliance's market position on the way (what a commissioner
 * would do first), writes docs/screenshots/demo-*.png and checks each page with axe: a serious or
 * critical violation fails the run.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Page } from '@playwright/test';
import { demoPasswords, projectRoot } from './demo-credentials';

const BASE = process.env.DEMO_URL ?? 'http://localhost:3000';
const OUT = join(projectRoot(), 'docs/screenshots');
const DOMAIN = 'demo.placements.local';

interface Shot {
  name: string;
  path: string;
  /** Waited for before the picture: the page's data is in. */
  ready: (page: Page) => Promise<unknown>;
  /** Only this part of the page, when given. */
  part?: (page: Page) => ReturnType<Page['locator']>;
  before?: (page: Page) => Promise<unknown>;
  /** The first screenful only: pages listing hundreds of rows. */
  firstScreen?: boolean;
}

const SHOTS: Record<string, Shot[]> = {
  commissioner: [
    {
      name: 'demo-dashboard',
      path: '/sufficiency',
      ready: (page) => page.getByRole('table', { name: 'By local authority and need' }).waitFor(),
    },
    {
      name: 'demo-map',
      path: '/sufficiency?measure=gap',
      ready: (page) => page.locator('svg.app-map path[aria-label]').first().waitFor(),
      part: (page) => page.locator('section[aria-labelledby="map-heading"]'),
    },
    {
      name: 'demo-trend',
      path: '/sufficiency/trend',
      ready: (page) => page.getByRole('table', { name: 'Forecast by month' }).waitFor(),
    },
    {
      name: 'demo-benchmarks',
      path: '/sufficiency/providers',
      firstScreen: true,
      ready: (page) => page.getByRole('table', { name: 'Providers' }).waitFor(),
    },
    {
      // Publishes the alliance's market position first, so that the provider has one to read.
      name: 'demo-market-commissioner',
      path: '/market',
      ready: async (page) => {
        await page.getByRole('button', { name: 'Publish the market position now' }).click();
        await page.getByText('Published. Providers now see the figures below.').waitFor();
      },
    },
  ],
  provider: [
    {
      name: 'demo-market-provider',
      path: '/market',
      ready: async (page) => {
        await page.getByRole('link', { name: 'West London Alliance' }).click();
        await page.getByRole('table').first().waitFor();
      },
    },
  ],
  admin: [
    {
      name: 'demo-admin-users',
      path: '/users',
      firstScreen: true,
      ready: (page) => page.getByRole('table').first().waitFor(),
    },
  ],
};

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${BASE}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

async function main() {
  const passwords = demoPasswords();
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' });
  const problems: string[] = [];
  try {
    for (const [user, shots] of Object.entries(SHOTS)) {
      const email = `${user}@${DOMAIN}`;
      const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London', viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await signIn(page, email, passwords.passwordFor(email));
      for (const shot of shots) {
        await page.goto(`${BASE}${shot.path}`);
        await shot.ready(page);
        await shot.before?.(page);
        const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
        for (const violation of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
          problems.push(`${shot.name}: ${violation.id} (${violation.impact}) on ${violation.nodes.length} element(s)`);
        }
        const file = join(OUT, `${shot.name}.png`);
        if (shot.part) await shot.part(page).screenshot({ path: file });
        else await page.screenshot({ path: file, fullPage: !shot.firstScreen });
        console.log(`${shot.name}: ${shot.path} as ${user}`);
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  if (problems.length > 0) {
    console.error(`axe found serious or critical problems:\n${problems.join('\n')}`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
