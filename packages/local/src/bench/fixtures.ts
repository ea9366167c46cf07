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

/** Signed up (sign-up answers no ids: the same for every email). */
export interface NewOwner {
  email: string;
  password: string;
  slug: string;
}
export interface Owner extends NewOwner {
  userId: string;
  studioId: string;
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

  async signUp(): Promise<NewOwner> {
    const body = this.signUpBody();
    await this.expectJson({ method: "POST", path: "/v1/auth/signup", body }, 202);
    return { email: body.email, password: body.password, slug: body.slug };
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
  async verifiedOwner(): Promise<NewOwner> {
    const since = Math.floor(Date.now() / 1000) - 1;
    const owner = await this.signUp();
    const token = await this.verificationToken(owner.email, since);
    await this.expectJson({ method: "POST", path: "/v1/auth/verify-email", body: { token } }, 200);
    return owner;
  }

  login(owner: NewOwner): Promise<Session & { user: { id: string } }> {
    return this.expectJson<Session & { user: { id: string } }>(
      { method: "POST", path: "/v1/auth/login", body: { email: owner.email, password: owner.password } },
      200,
    );
  }

  async signedInOwner(): Promise<Owner & Session> {
    const owner = await this.verifiedOwner();
    const session = await this.login(owner);
    const me = await this.expectJson<{ memberships: Array<{ studio: { id: string } }> }>({ path: "/v1/me", token: session.accessToken }, 200);
    return { ...owner, ...session, userId: session.user.id, studioId: me.memberships[0]!.studio.id };
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
