import "server-only";
import { cache } from "react";
import { getDb } from "@/db/client";
import { computeEngine } from "@/db/engine";
import { chinaToday } from "@/lib/domain/china-time";
import { env } from "@/lib/env";

/** The engine's figures for this request, computed once however many components ask. */
export const getEngine = cache(() => computeEngine(getDb(), chinaToday(), env.REPORTING_START));
