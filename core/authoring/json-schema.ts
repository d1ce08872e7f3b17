/**
 * A JSON Schema (draft-07) of OCI-P commands as our YAML files write them, for other YAML tools
 * (yaml-language-server, editors without this extension). One YAML document = one command object.
 *
 * Mapping: `command` is a const; elements are properties (additionalProperties: false); required elements are
 * `required`; maxOccurs > 1 gives an array with maxItems (a single value is accepted too, as our front end does);
 * choices give `oneOf` (or `anyOf` when several branches may be empty); abstract types give a `oneOf` of their
 * concrete subtypes told apart by `xsi:type`; nillable elements accept null; facets map to
 * minLength/maxLength/enum/minimum/maximum. Plain YAML numbers and booleans are accepted for string types,
 * because YAML reads `phoneNumber: 2125550142` as a number while the server gets the same text.
 */
import { INTEGER_BUILTINS } from '../model/builtins';
import type { ModelIndex } from '../model/model-index';
import type { ElementDecl, GroupParticle, Particle, SimpleType } from '../model/types';

export type JsonSchema = { [key: string]: unknown };

const NUMBER_BUILTINS = new Set(['decimal', 'float', 'double']);

/**
 * The schema for one command, or for several (each document must then be one of them, chosen by `command`).
 * Throws when a name is not a request command of the model.
 */
export function commandJsonSchema(index: ModelIndex, commands: string[]): JsonSchema {
  if (commands.length === 0) throw new Error('no command given');
  for (const name of commands) {
    if (!index.isRequest(name))
      throw new Error(
        `unknown command '${name}'${index.commandNames().length ? ` (the model has ${index.commandNames().length} commands)` : ''}`,
      );
  }
  const builder = new SchemaBuilder(index);
  const root: JsonSchema = { $schema: 'http://json-schema.org/draft-07/schema#' };
  if (commands.length === 1) {
    root.title = commands[0];
    Object.assign(root, builder.commandObject(commands[0]));
  } else {
    root.title = `OCI-P commands: ${commands.join(', ')}`;
    root.type = 'object';
    root.required = ['command'];
    root.properties = { command: { enum: commands } };
    // if/then rather than oneOf: errors then come from the one command the document names.
    root.allOf = commands.map((name) => ({
      if: { properties: { command: { const: name } }, required: ['command'] },
      then: { $ref: builder.refCommand(name) },
    }));
  }
  root.definitions = builder.definitions;
  return root;
}

class SchemaBuilder {
  readonly definitions: Record<string, JsonSchema> = {};

  constructor(private readonly index: ModelIndex) {}

  commandObject(name: string): JsonSchema {
    const body = this.contentObject(name);
    const properties = { command: { const: name }, ...(body.properties as JsonSchema) };
    return { ...body, properties, required: ['command', ...((body.required as string[]) ?? [])] };
  }

  refCommand(name: string): string {
    const key = `command:${name}`;
    if (!this.definitions[defName(key)]) this.definitions[defName(key)] = this.commandObject(name);
    return `#/definitions/${defName(key)}`;
  }

  /** A $ref to the schema of a named type (complex or simple), built once. */
  refType(typeName: string): JsonSchema {
    const key = defName(typeName);
    if (!(key in this.definitions)) {
      this.definitions[key] = {}; // placeholder first: types may be recursive
      this.definitions[key] = this.typeSchema(typeName);
    }
    return { $ref: `#/definitions/${key}` };
  }

  private typeSchema(typeName: string): JsonSchema {
    const complex = this.index.complexType(typeName);
    if (!complex) {
      const simple = this.index.simpleType(typeName);
      return simple ? this.simpleSchema(simple) : {};
    }
    if (complex.anyContent) return {};
    if (complex.simpleContent) {
      const simple = this.index.simpleType(complex.simpleContent);
      return simple ? this.simpleSchema(simple) : {};
    }
    if (complex.abstract) {
      const subtypes = this.index.subtypesOf(typeName);
      return {
        description: `Abstract: give xsi:type, one of ${subtypes.join(', ')}.`,
        oneOf: subtypes.map((s) => ({ allOf: [this.refType(s), { required: ['xsi:type'] }] })),
      };
    }
    const object = this.contentObject(typeName);
    (object.properties as JsonSchema)['xsi:type'] = { const: typeName };
    if (!complex.content) {
      // An element of empty content is written `name: ''`, `name: {}` or `name:` (null).
      return { anyOf: [object, { type: 'null' }, { type: 'string', maxLength: 0 }] };
    }
    return object;
  }

  /** The object for a complex type's content: its elements as properties plus required/choice constraints. */
  contentObject(typeName: string): JsonSchema {
    const content = this.index.complexType(typeName)?.content;
    const properties: JsonSchema = {};
    const object: JsonSchema = { type: 'object', properties, additionalProperties: false };
    if (!content) return object;
    for (const decl of this.index.elementDecls(typeName)) {
      if (!(decl.name in properties)) properties[decl.name] = this.elementSchema(decl, repeats(content, decl));
    }
    const { required, constraints } = this.constraintsOf(content);
    if (required.length) object.required = [...new Set(required)];
    if (constraints.length) object.allOf = constraints;
    return object;
  }

  private elementSchema(decl: ElementDecl, repeated: boolean): JsonSchema {
    let item: JsonSchema = this.refType(decl.type);
    if (decl.nillable) item = { anyOf: [item, { type: 'null' }] };
    if (!repeated) return item;
    const list: JsonSchema = { type: 'array', items: item };
    if (decl.minOccurs > 1) list.minItems = decl.minOccurs;
    // maxItems only from the element's own bound: a repeating group around it multiplies it.
    if (decl.maxOccurs !== 'unbounded' && decl.maxOccurs > 1) list.maxItems = decl.maxOccurs;
    return { anyOf: [list, item] };
  }

  /** Required names of a mandatory sequence, and oneOf/anyOf constraints for its choices. */
  private constraintsOf(group: GroupParticle): { required: string[]; constraints: JsonSchema[] } {
    const required: string[] = [];
    const constraints: JsonSchema[] = [];
    if (group.minOccurs === 0) return { required, constraints };
    if (group.kind === 'choice') {
      constraints.push(this.choiceConstraint(group));
      return { required, constraints };
    }
    for (const item of group.items) {
      if (item.kind === 'element') {
        if (item.minOccurs > 0) required.push(item.name);
      } else {
        const inner = this.constraintsOf(item);
        required.push(...inner.required);
        constraints.push(...inner.constraints);
      }
    }
    return { required, constraints };
  }

  private choiceConstraint(choice: GroupParticle): JsonSchema {
    const branchNames = choice.items.map(namesIn);
    const branches = choice.items.map((branch, i) => {
      const inner =
        branch.kind === 'element' ? { required: branch.minOccurs > 0 ? [branch.name] : [], constraints: [] } : this.constraintsOf(branch);
      const others = [...new Set(branchNames.flatMap((names, j) => (j === i ? [] : names)))].filter((n) => !branchNames[i].includes(n));
      const schema: JsonSchema = {};
      if (inner.required.length) schema.required = inner.required;
      if (inner.constraints.length) schema.allOf = inner.constraints;
      if (others.length) schema.not = { anyOf: others.map((n) => ({ required: [n] })) };
      return { schema, canBeEmpty: inner.required.length === 0 };
    });
    const emptyBranches = branches.filter((b) => b.canBeEmpty).length;
    return emptyBranches > 1 ? { anyOf: branches.map((b) => b.schema) } : { oneOf: branches.map((b) => b.schema) };
  }

  private simpleSchema(type: SimpleType): JsonSchema {
    const builtin = type.builtin;
    if (builtin === 'boolean') return { enum: [true, false, 'true', 'false', '1', '0', 1, 0] };
    const schema: JsonSchema = {};
    if (type.enumeration) {
      // A plain YAML scalar like 100 or true is read as a number or boolean: accept those forms too.
      const values: unknown[] = [...type.enumeration];
      for (const v of type.enumeration) {
        if (/^-?\d+(\.\d+)?$/.test(v)) values.push(Number(v));
        if (v === 'true' || v === 'false') values.push(v === 'true');
      }
      schema.enum = values;
      return schema;
    }
    if (INTEGER_BUILTINS.has(builtin) || NUMBER_BUILTINS.has(builtin)) {
      schema.type = [INTEGER_BUILTINS.has(builtin) ? 'integer' : 'number', 'string'];
      // minimum/maximum constrain the number form; the pattern constrains the quoted form.
      schema.pattern = INTEGER_BUILTINS.has(builtin)
        ? '^\\s*[+-]?[0-9]+\\s*$'
        : '^\\s*[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?\\s*$';
      if (type.minInclusive !== undefined) schema.minimum = type.minInclusive;
      if (type.maxInclusive !== undefined) schema.maximum = type.maxInclusive;
      if (type.minExclusive !== undefined) schema.exclusiveMinimum = type.minExclusive;
      if (type.maxExclusive !== undefined) schema.exclusiveMaximum = type.maxExclusive;
      return schema;
    }
    schema.type = ['string', 'number', 'boolean'];
    const min = type.length ?? type.minLength;
    const max = type.length ?? type.maxLength;
    if (min !== undefined) schema.minLength = min;
    if (max !== undefined) schema.maxLength = max;
    return schema;
  }
}

/** Whether an element may occur more than once where it is declared (its own maxOccurs or a repeating group). */
function repeats(content: GroupParticle, decl: ElementDecl): boolean {
  const visit = (p: Particle, repeating: boolean): boolean | undefined => {
    const here = repeating || p.maxOccurs === 'unbounded' || p.maxOccurs > 1;
    if (p.kind === 'element') return p === decl ? here : undefined;
    for (const item of p.items) {
      const found = visit(item, here);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return visit(content, false) ?? false;
}

function namesIn(p: Particle): string[] {
  return p.kind === 'element' ? [p.name] : p.items.flatMap(namesIn);
}

/** Definition keys without characters that need escaping in a JSON pointer. */
function defName(name: string): string {
  return name.replace(/[^\w.-]/g, '_');
}
