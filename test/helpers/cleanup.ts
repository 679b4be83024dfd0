/** Vitest setup: every test file removes the temporary folders it made. */
import { afterAll } from "vitest";
import { removeTempDirs } from "./paths.js";

afterAll(() => removeTempDirs());
