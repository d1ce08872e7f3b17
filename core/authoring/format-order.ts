/**
 * The sort key of a child in schema order, shared by the YAML and XML formatters. It is the encoder's own
 * slot table (core/encode/order), so a formatted file lists its elements exactly as they go on the wire.
 */
import { slotsOf } from '../encode/order';
import type { ModelIndex } from '../model/model-index';

/** Sorted after every known element, keeping their relative order (the sorts are stable). */
export const UNKNOWN_RANK = Number.MAX_SAFE_INTEGER;

export interface ChildPlace {
  rank: number;
  /** The declared type of the child, for ordering its own children. */
  type?: string;
}

/** Where a child named `name` goes inside an element of type `typeName` (unknown type or child: last). */
export function placeOf(index: ModelIndex, typeName: string | undefined, name: string): ChildPlace {
  const slot = typeName ? slotsOf(index, typeName)?.get(name) : undefined;
  return slot ? { rank: slot.key, type: slot.type } : { rank: UNKNOWN_RANK };
}

/** The type that decides an element's content: its xsi:type when the model knows it, else the declared one. */
export function effectiveType(index: ModelIndex, declared: string | undefined, xsiType: string | undefined): string | undefined {
  return xsiType !== undefined && index.complexType(xsiType) ? xsiType : declared;
}
