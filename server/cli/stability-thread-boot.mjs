// The stability thread's first module (see stability-thread.ts): a worker thread does not inherit
// the TypeScript loader the `analyze` command runs under, so it registers tsx's own, then loads the
// thread's TypeScript side.
import { register } from "tsx/esm/api";

register();
await import(new URL("./stability-thread-entry.ts", import.meta.url).href);
