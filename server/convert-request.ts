/** ocip/convert and ocip/previewRequest: conversion and request preview of an open document, with its own model. */
import { convertText } from '../core/authoring/format-convert';
import { previewRequest } from '../core/authoring/format-preview';
import {
  CONVERT_REQUEST,
  PREVIEW_REQUEST,
  type ConvertParams,
  type ConvertResult,
  type PreviewParams,
  type PreviewResult,
} from '../core/protocol/messages';
import type { Feature } from './context';

const NOT_OCIP = { error: 'This document is not an OCI-P file (.ocip.yaml, .ocip.yml or .ocip.xml).' };

export const convertRequests: Feature = (ctx) => {
  ctx.connection.onRequest(CONVERT_REQUEST, async (params: ConvertParams): Promise<ConvertResult> => {
    const state = await ctx.stateFor(params.uri);
    const doc = ctx.documents.get(params.uri);
    if (!state || !doc) return NOT_OCIP;
    const result = convertText(doc.getText(), state.format, params.to, state.model);
    return result.ok ? { text: result.text, languageId: params.to === 'xml' ? 'ocip-xml' : 'ocip-yaml' } : { error: result.error };
  });

  ctx.connection.onRequest(PREVIEW_REQUEST, async (params: PreviewParams): Promise<PreviewResult> => {
    const state = await ctx.stateFor(params.uri);
    const doc = ctx.documents.get(params.uri);
    if (!state || !doc) return NOT_OCIP;
    const label = decodeURIComponent(params.uri.slice(params.uri.lastIndexOf('/') + 1));
    const result = previewRequest(doc.getText(), state.format, state.model, label);
    return result.ok ? { text: result.text } : { error: result.error };
  });
};
