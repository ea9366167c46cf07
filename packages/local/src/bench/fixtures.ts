import { extractLink, readMail } from "../test/mailbox";

/** How a scenario talks to the API: in-process `app.request()`, JSON in and out. */
export interface BenchRequest {
  method?: string;
  path: string;
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
}
export type CallApi = (request: BenchRequest) => Promise<Response>;

export interface Owner {
  email: string;
  password: string;
  userId: string;
  studioId: string;
  slug: string;
}
export interface Session {
  accessToken: string;
  refreshToken: string;
}

export type SignUpBody = ReturnType<Fixtures["signUpBody"]>;

export const BENCH_PASSWORD = "bench-password-2026";

/** Users, studios and sessions built through the public API, so the bench needs no back door. */
export class Fixtures {
  private counter = 0;
  private readonly runId = Date.now().toString(36);

  constructor(private readonly call: CallApi) {}

  /** A fresh, valid signup body: unique email and slug per call. */
  signUpBody() {
    const id = `${this.runId}-${(this.counter++).toString(36)}`;
    return {
      email: `bench-${id}@example.com`,
      password: BENCH_PASSWORD,
      name: "Bench Owner",
      studioName: `Bench Studio ${id}`,
      slug: `bench-${id}`,
      timeZone: "Europe/London",
      currency: "GBP",
    };
  }

  async signUp(): Promise<Owner> {
    const body = this.signUpBody();
    const result = await this.expectJson<{ user: { id: string }; studio: { id: string; slug: string } }>(
      { method: "POST", path: "/v1/auth/signup", body },
      201,
    );
    return { email: body.email, password: body.password, userId: result.user.id, studioId: result.studio.id, slug: result.studio.slug };
  }

  /** The token from the newest verification email SES local received for `email`. */
  async verificationToken(email: string, since: number): Promise<string> {
    const mails = await readMail(email, { since });
    const link = mails
      .map((mail) => mail.body.text ?? mail.body.html ?? "")
      .reverse()
      .find((text) => text.includes("/verify-email"));
    const token = new URL(extractLink(link ?? "", "/verify-email")).searchParams.get("token");
    if (!token) throw new Error(`No verification token in the mail to ${email}`);
    return token;
  }

  /** Signed up, email verified, ready to log in. */
  async verifiedOwner(): Promise<Owner> {
    const since = Math.floor(Date.now() / 1000) - 1;
    const owner = await this.signUp();
    const token = await this.verificationToken(owner.email, since);
    await this.expectJson({ method: "POST", path: "/v1/auth/verify-email", body: { token } }, 200);
    return owner;
  }

  login(owner: Owner): Promise<Session> {
    return this.expectJson<Session>(
      { method: "POST", path: "/v1/auth/login", body: { email: owner.email, password: owner.password } },
      200,
    );
  }

  async signedInOwner(): Promise<Owner & Session> {
    const owner = await this.verifiedOwner();
    return { ...owner, ...(await this.login(owner)) };
  }

  async expectJson<T>(request: BenchRequest, status: number): Promise<T> {
    const response = await this.call(request);
    const text = await response.text();
    if (response.status !== status) {
      throw new Error(`${request.method ?? "GET"} ${request.path} answered ${response.status}, expected ${status}: ${text}`);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
