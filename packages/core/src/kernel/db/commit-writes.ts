import { assertCommitted } from "./transactions";

const MEANING = Symbol("condition-failure meaning");

/** A transaction write carrying what its condition failing means (the caller's error). */
interface GuardedWrite {
  readonly write: unknown;
  readonly [MEANING]: () => Error;
}

/** A service whose transactions hand `Tx` (its entities) to the builder. */
export interface Transacting<Tx> {
  transaction: {
    write: (build: (tx: Tx) => never) => { go: () => Promise<{ canceled: boolean; data: ReadonlyArray<{ rejected: boolean; code: string }> }> };
  };
}

const isGuarded = (item: unknown): item is GuardedWrite => typeof item === "object" && item !== null && MEANING in item;

/**
 * Marks a write (or each of a list of writes) whose failed condition means `meaning`: e.g.
 * `failsWith(tx.goal.patch(key).set(next).where(unchanged).commit(), () => conflict(...))`.
 * A write that already carries a meaning keeps it (the helper that built it knows best). A write
 * without a meaning whose condition fails is a plain failure (500).
 */
export function failsWith<W>(write: W, meaning: () => Error): W {
  if (Array.isArray(write)) return write.map((each) => failsWith(each, meaning)) as W;
  if (isGuarded(write)) return write;
  return { write, [MEANING]: meaning } as GuardedWrite as W;
}

export interface CommitOptions {
  /**
   * The error for losing to a concurrent transaction on the same items (DynamoDB's
   * TransactionConflict, thrown or as a cancellation reason once no write's meaning applies), e.g.
   * a race the use case reruns from a fresh read. Without it, such a loss is a 503.
   */
  raced?: () => Error;
  /** The error for any other cancellation (e.g. for load), instead of a 503 or a plain failure. */
  cancelled?: () => Error;
}

const isConflict = (error: unknown) => {
  const names = [(error as { name?: string }).name, (error as { cause?: { name?: string } }).cause?.name];
  return names.includes("TransactionConflictException");
};

/**
 * Commits the writes `build` returns as one transaction (lists are flattened one level). When a
 * condition fails, the first rejected write's own meaning is thrown (see failsWith); a conflict
 * with a concurrent transaction is `options.raced` when given; any other cancellation is
 * `options.cancelled` when given, else a 503 when transient, else a plain failure.
 */
export async function commitWrites<Tx>(service: () => Transacting<Tx>, build: (tx: Tx) => ReadonlyArray<unknown>, options: CommitOptions = {}): Promise<void> {
  const { raced } = options;
  let items: unknown[] = [];
  const outcome = await service()
    .transaction.write((tx) => {
      items = build(tx).flat();
      return items.map((item) => (isGuarded(item) ? item.write : item)) as never;
    })
    .go()
    .catch((error: unknown) => {
      throw raced && isConflict(error) ? raced() : error;
    });
  assertCommitted(
    outcome,
    (index) => {
      const item = items[index];
      return isGuarded(item) ? item[MEANING]() : undefined;
    },
    options,
  );
}

/** What commitWritesOr answers when a write marked by rejectedAs is rejected. */
class RejectedAs extends Error {
  constructor(readonly label: string) {
    super(`Rejected as ${label}`);
  }
}

/**
 * Marks a write (or each of a list of writes) whose failed condition is an expected answer, not an
 * error: commitWritesOr returns `label` instead of throwing (e.g. a reminder already sent).
 */
export const rejectedAs = <W>(write: W, label: string): W => failsWith(write, () => new RejectedAs(label));

/**
 * Commits like commitWrites; when a write marked by rejectedAs is the first rejected, returns its
 * label instead of throwing, and any other cancellation answers `otherwise` when given (a lost race
 * `raced`, as commitWrites). Undefined when the writes committed.
 */
export async function commitWritesOr<Tx>(
  service: () => Transacting<Tx>,
  build: (tx: Tx) => ReadonlyArray<unknown>,
  options: { otherwise?: string; raced?: () => Error } = {},
): Promise<string | undefined> {
  const { otherwise, raced } = options;
  try {
    await commitWrites(service, build, { ...(otherwise ? { cancelled: () => new RejectedAs(otherwise) } : {}), ...(raced ? { raced } : {}) });
    return undefined;
  } catch (error) {
    if (error instanceof RejectedAs) return error.label;
    throw error;
  }
}
