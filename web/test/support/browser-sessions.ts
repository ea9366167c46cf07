import type { AppType, HostingAppType } from "@studiosync/functions";
import { hc } from "hono/client";
import type { BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { seriousViolations } from "./axe";
import { expectStatus, PASSWORD } from "./seed";
import type { Site } from "./site";

export type Client = ReturnType<typeof hc<AppType>>;
/** The hosting module's operations (usage, API keys, webhooks), for their own typed client. */
export type HostingClient = ReturnType<typeof hc<HostingAppType>>;

async function bearer(apiUrl: string, email: string): Promise<{ headers: { authorization: string } }> {
  const login = await expectStatus("login", hc<AppType>(apiUrl).v1.auth.login.$post({ json: { email, password: PASSWORD } }), 200);
  return { headers: { authorization: `Bearer ${(await login.json()).accessToken}` } };
}

/** The API as `email`, with the bearer token of a real sign-in. */
export async function signInApi(apiUrl: string, email: string): Promise<Client> {
  return hc<AppType>(apiUrl, await bearer(apiUrl, email));
}

/** The hosting module's API as `email`, with the bearer token of a real sign-in. */
export async function signInHostingApi(apiUrl: string, email: string): Promise<HostingClient> {
  return hc<HostingAppType>(apiUrl, await bearer(apiUrl, email));
}

/**
 * The browser sign-ins of one test file, each in a context of its own (closed by `close`). The
 * page a test was last on is kept, so a failing test reports where it stopped.
 */
export class BrowserSessions {
  lastPage: Page | undefined;
  private readonly contexts: BrowserContext[] = [];

  constructor(private readonly site: Site) {}

  /** A fresh page in a context of its own, not signed in (`javaScript: false`: a browser that runs no script). */
  async newPage({ javaScript = true } = {}): Promise<Page> {
    const context = await this.site.browser.newContext({ javaScriptEnabled: javaScript });
    context.setDefaultTimeout(20_000);
    this.contexts.push(context);
    return (this.lastPage = await context.newPage());
  }

  /** Signs `email` in through the login form and lands on `path`. */
  async signIn(email: string, path: string, options: { javaScript?: boolean } = {}): Promise<Page> {
    const page = await this.newPage(options);
    await page.goto(`${this.site.webUrl}/login?next=${encodeURIComponent(path)}`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await Promise.all([page.waitForURL((url) => url.pathname === path), page.getByRole("button", { name: "Sign in" }).click()]);
    return page;
  }

  /** The page has no serious accessibility violations (axe); kept as the page a failure reports. */
  async expectAccessible(page: Page): Promise<void> {
    this.lastPage = page;
    expect(await seriousViolations(page), page.url()).toEqual([]);
  }

  /** For afterEach: prints the page a failed test stopped on. */
  async reportFailure(ctx: { task: { result?: { state?: string } } }): Promise<void> {
    const page = this.lastPage;
    if (ctx.task.result?.state !== "fail" || !page) return;
    console.error(
      `Stopped on ${page.url()}:\n${(
        await page
          .locator("main")
          .innerText()
          .catch(() => "")
      ).slice(0, 1500)}`,
    );
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => undefined);
  }
}
