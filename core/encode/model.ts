/**
 * The model the encoder reads: a ModelIndex (preferred, memoised lookups) or a plain OcipModel,
 * which is indexed once and remembered.
 */
import { ModelIndex } from '../model/model-index';
import type { OcipModel } from '../model/types';

export type EncodeModel = ModelIndex | OcipModel;

const indexes = new WeakMap<OcipModel, ModelIndex>();

export function asIndex(model: EncodeModel): ModelIndex {
  if (model instanceof ModelIndex) return model;
  let index = indexes.get(model);
  if (!index) indexes.set(model, (index = new ModelIndex(model)));
  return index;
}
