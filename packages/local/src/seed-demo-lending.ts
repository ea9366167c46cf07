import type { Actor } from "@studiosync/core";
import * as Lending from "@studiosync/core/lending";
import { todayIn } from "@studiosync/core/people";
import { addDays } from "@studiosync/core/kernel";
import type { DemoPeople } from "./seed-demo-schedule";

/**
 * The demo studio's inventory: a violin lent to Dev (due back in three days, with a deposit and a
 * rental fee waiting for the next billing run), instruments and equipment to borrow, sheet music,
 * strings running low, a cello in maintenance, and Priya asking to borrow the Suzuki book for Anika.
 */
export async function seedDemoLending(actors: { owner: Actor; parent: Actor }, studioId: string, timeZone: string, people: DemoPeople) {
  const item = (body: Record<string, unknown>) => Lending.createItem(actors.owner, studioId, Lending.createItemSchema.parse(body));
  const today = todayIn(timeZone);
  const violin = await item({
    name: "Violin 3/4 (Stentor Student II)",
    category: "instrument",
    serialNumber: "STN-34-0192",
    condition: "good",
    location: "Instrument cupboard",
    valueMinor: 18000,
    purchaseDate: "2023-09-04",
    isBorrowable: true,
    maxLoanDays: 90,
    depositMinor: 5000,
    rentalFeeMinor: 1000,
  });
  const [, book, cello] = await Promise.all([
    item({
      name: "Violin 1/2 (Stentor Student I)",
      category: "instrument",
      serialNumber: "STN-12-0057",
      isBorrowable: true,
      maxLoanDays: 90,
      depositMinor: 5000,
      valueMinor: 15000,
    }),
    item({ name: "Suzuki Violin School, Book 1", category: "sheet-music", quantity: 3, isBorrowable: true, maxLoanDays: 60 }),
    item({ name: "Cello 1/2", category: "instrument", serialNumber: "CL-12-3310", condition: "needs-repair", isBorrowable: true, valueMinor: 42000 }),
    item({ name: "Music stand", category: "equipment", quantity: 6, isBorrowable: true, maxLoanDays: 30, location: "Studio B" }),
    item({ name: "Digital tuner", category: "accessories", quantity: 2, isBorrowable: true, maxLoanDays: 30, valueMinor: 2500 }),
    item({ name: "Violin E strings", category: "accessories", quantity: 4, isConsumable: true, lowStockThreshold: 5, notes: "Order more from the music shop" }),
  ]);
  await Lending.updateItem(actors.owner, studioId, cello.id, Lending.updateItemSchema.parse({ status: "maintenance" }));
  await Lending.addMaintenance(
    actors.owner,
    studioId,
    cello.id,
    Lending.addMaintenanceSchema.parse({
      performedOn: addDays(today, -2),
      description: "Crack by the f-hole: sent to the luthier",
      costMinor: 6500,
      performedBy: "Bow & Bridge Luthiers",
    }),
  );
  await Lending.requestLoan(
    actors.owner,
    studioId,
    Lending.requestLoanSchema.parse({ itemId: violin.id, studentId: people.dev, lendNow: true, dueDate: addDays(today, 3), note: "For the spring term" }),
  );
  await Lending.requestLoan(
    actors.parent,
    studioId,
    Lending.requestLoanSchema.parse({ itemId: book.id, studentId: people.anika, note: "Anika would like to practise from it at home" }),
  );
}
