/** Who is using the app, shared by the views. */

import { createContext, useContext } from "react";
import type { Me } from "./types.js";

/** `canWrite` is false in static mode and for viewers. */
export interface Session {
  me: Me | undefined;
  canWrite: boolean;
}

export const SessionContext = createContext<Session>({ me: undefined, canWrite: false });

export function useSession(): Session {
  return useContext(SessionContext);
}
