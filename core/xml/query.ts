/** Small lookups on the element tree of ./tree, shared by the OCI-P client, the simulator and the XSD compiler. */
import { XMLNS_NS, XSI_NS, type XmlElement } from './tree';

/** The value of the attribute with this namespace and local name (never a namespace declaration). */
export function attribute(el: XmlElement, ns: string, local: string): string | undefined {
  return el.attributes.find((a) => a.ns === ns && a.local === local && a.ns !== XMLNS_NS)?.value;
}

export function child(el: XmlElement, local: string): XmlElement | undefined {
  return el.children.find((c) => c.local === local);
}

export function childrenNamed(el: XmlElement, local: string): XmlElement[] {
  return el.children.filter((c) => c.local === local);
}

/**
 * A QName value (e.g. xsi:type="c:SuccessResponse") resolved against the element's bindings. `ns` is undefined
 * for an undeclared prefix; no prefix means the default namespace.
 */
export function resolveQName(el: XmlElement, value: string): { prefix: string; ns: string | undefined; local: string } {
  const trimmed = value.trim();
  const colon = trimmed.indexOf(':');
  const prefix = colon < 0 ? '' : trimmed.slice(0, colon);
  return { prefix, ns: el.scope.get(prefix) ?? (prefix === '' ? '' : undefined), local: trimmed.slice(colon + 1) };
}

/**
 * The element's xsi:type, resolved. An `xsi:` prefix that was never declared (read with undeclaredPrefixes
 * 'no-namespace') still counts: servers in the field write it that way.
 */
export function xsiType(el: XmlElement): { ns: string | undefined; local: string } | undefined {
  const a = el.attributes.find((x) => x.local === 'type' && (x.ns === XSI_NS || (x.name === 'xsi:type' && x.ns === '')));
  if (!a) return undefined;
  const { ns, local } = resolveQName(el, a.value);
  return { ns, local };
}
