// The demo world for the embedded default: three teams, seven people, 25 apps (a few with thresholds).
export const DEMO_TEAMS = [
  { slug: "payments", name: "Payments" },
  // Search asks its owners to confirm every 21 days: its apps (owned since 30 days) are due,
  // so the demo shows "not confirmed" and the "Still mine" button (e2e/stewardship.spec.ts).
  { slug: "search", name: "Search", confirmEveryDays: 21 },
  { slug: "platform", name: "Platform" },
] as const;

type DemoUser = { email: string; name: string; role: "engineer" | "lead" | "admin"; team: string; awayDays?: number };

export const DEMO_USERS: DemoUser[] = [
  { email: "alice@example.com", name: "Alice Andersen", role: "engineer", team: "payments" },
  { email: "bob@example.com", name: "Bob Brown", role: "engineer", team: "payments" },
  { email: "lee@example.com", name: "Lee Lambert", role: "lead", team: "payments" },
  { email: "ada@example.com", name: "Ada Admin", role: "admin", team: "platform" },
  { email: "carol@example.com", name: "Carol Chen", role: "engineer", team: "search" },
  { email: "dan@example.com", name: "Dan Dubois", role: "engineer", team: "search", awayDays: 5 },
  { email: "sam@example.com", name: "Sam Sato", role: "lead", team: "search", awayDays: 3 },
];

// [appId, name, team, owner?, backup?]
export const DEMO_APPS: [string, string, string, string?, string?][] = [
  ["checkout-api", "Checkout API", "payments", "bob", "lee"],
  ["payment-gateway", "Payment gateway", "payments", "bob", "alice"],
  ["refunds-service", "Refunds service", "payments", "lee"],
  ["invoice-renderer", "Invoice renderer", "payments", "lee", "bob"],
  ["card-vault", "Card vault", "payments", "bob"],
  ["fraud-scorer", "Fraud scorer", "payments"],
  ["ledger-sync", "Ledger sync", "payments"],
  ["payout-scheduler", "Payout scheduler", "payments"],
  ["currency-rates", "Currency rates", "payments"],
  ["receipts-mailer", "Receipts mailer", "payments"],
  ["subscription-engine", "Subscription engine", "payments"],
  ["tax-calculator", "Tax calculator", "payments"],
  ["billing-portal", "Billing portal", "payments", "alice"],
  ["search-api", "Search API", "search", "carol", "dan"],
  ["indexer", "Indexer", "search", "dan", "carol"],
  ["crawler", "Crawler", "search", "sam"],
  ["synonyms-service", "Synonyms service", "search", "carol"],
  ["search-frontend", "Search frontend", "search", "dan"],
  ["query-suggest", "Query suggest", "search"],
  ["ranking-model", "Ranking model", "search"],
  ["spellcheck", "Spellcheck", "search"],
  ["autocomplete", "Autocomplete", "search"],
  ["auth-gateway", "Auth gateway", "platform", "ada"],
  ["feature-flags", "Feature flags", "platform"],
  ["status-page", "Status page", "platform"],
];

// Thresholds for a few demo apps: checkout-api's crash also breaches its floor, so the threshold
// detector fires too. search-frontend's weekly-drop limit (15 %) sits just under its loss over the
// last week (about 19 %); sample against sample, the 6 % noise keeps half an hour in a row below the
// limit rare (about 1 seeding in 8), so it shows a limit at its margin rather than a firing one.
export const DEMO_THRESHOLDS: { appId: string; author: string; floorRps: number; ceilingRps?: number; maxWeeklyDropPercent?: number; for: string; severity: "critical" | "warning" | "info" }[] = [
  { appId: "checkout-api", author: "lee", floorRps: 1, ceilingRps: 5000, for: "5m", severity: "critical" },
  { appId: "payment-gateway", author: "lee", floorRps: 1, maxWeeklyDropPercent: 50, for: "10m", severity: "critical" },
  { appId: "search-frontend", author: "sam", floorRps: 1, maxWeeklyDropPercent: 15, for: "30m", severity: "warning" },
  { appId: "search-api", author: "sam", floorRps: 2, for: "5m", severity: "warning" },
];
