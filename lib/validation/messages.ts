import { z } from "zod";

// Field messages read as the end of a sentence that starts with the field's name
// ("reason is required", "floorRps must be a number"), in the API and in the forms alike.
z.config({
  customError: (issue) => {
    if (issue.code === "invalid_type") return issue.input === undefined ? "is required" : `must be a ${issue.expected}`;
    return undefined;
  },
  // In the browser, zod must not probe for eval (`Function("")`): the pages' CSP forbids it
  // and Chromium reports every probe as a violation. The server keeps zod's compiled parsers.
  jitless: typeof window !== "undefined",
});

export {};
