import { isLocale, LOCALES, type Locale } from './locale';
import {
  type FieldViolation,
  NotificationError,
  NotificationErrorCode,
  throwIfViolated,
} from './notification-error';

export interface NotificationTemplate {
  /** Which message this is, e.g. ticket-created-requester; one template per key and locale. */
  key: string;
  locale: Locale;
  subject: string;
  bodyText: string;
  bodyHtml: string;
}

/**
 * The only variables a template may use, so that a typo is refused when the template is saved
 * instead of silently rendering as an empty string in every message sent.
 */
export const TEMPLATE_VARIABLES = [
  'ticket.number',
  'ticket.title',
  'ticket.type',
  'ticket.status',
  'ticket.priority',
  'ticket.url',
  'ticket.description',
  'ticket.resolution',
  'recipient.name',
  'actor.name',
  'comment.body',
  'sla.target',
  'sla.dueAt',
  'sla.threshold',
  'approval.url',
  'csat.url',
  'event.type',
  'digest.count',
  'digest.items',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

/**
 * Values by path, nested: `{ ticket: { number: 'INC-000123' } }`. Values are display-ready:
 * labels in the recipient's language and dates in their time zone, because a template has no
 * formatting of its own. Missing, null and empty values render as ''.
 */
export type TemplateVariables = Readonly<Record<string, unknown>>;

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

export const SUBJECT_MAX_LENGTH = 250;
export const BODY_MAX_LENGTH = 20_000;

const TEMPLATE_FIELDS = ['subject', 'bodyText', 'bodyHtml'] as const;
type TemplateField = (typeof TEMPLATE_FIELDS)[number];

const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

interface IfNode {
  kind: 'if';
  path: string;
  then: TemplateNode[];
  otherwise: TemplateNode[];
}
type TemplateNode = { kind: 'text'; text: string } | { kind: 'variable'; path: string } | IfNode;

type Tag =
  | { kind: 'variable'; path: string; offset: number }
  | { kind: 'if'; path: string; offset: number }
  | { kind: 'else'; offset: number }
  | { kind: 'end'; offset: number };

type Parsed = { nodes: TemplateNode[] } | { error: string };

/** Checks a template and reports every problem at once, each under the field it is in. */
export function validateTemplate(template: NotificationTemplate): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (template.key.trim().length === 0) {
    violations.push({ field: 'key', message: 'key is required' });
  } else if (!KEY.test(template.key)) {
    violations.push({
      field: 'key',
      message: `key must be lower-case words joined by hyphens, e.g. ticket-created-requester, not "${template.key}"`,
    });
  }
  if (!isLocale(template.locale)) {
    violations.push({
      field: 'locale',
      message: `locale must be one of ${LOCALES.join(', ')}, not "${String(template.locale)}"`,
    });
  }
  for (const field of TEMPLATE_FIELDS) {
    violations.push(...lengthViolations(field, template[field]));
    const parsed = parseTemplate(template[field]);
    if ('error' in parsed) {
      violations.push({ field, message: parsed.error });
      continue;
    }
    const known: readonly string[] = TEMPLATE_VARIABLES;
    const unknown = new Set(variablesOf(parsed.nodes).filter((path) => !known.includes(path)));
    for (const path of unknown) {
      violations.push({ field, message: `unknown variable "${path}"` });
    }
  }
  return violations;
}

/** The template as it is, or a validation error with every violation. */
export function assertValidTemplate(template: NotificationTemplate): NotificationTemplate {
  throwIfViolated(validateTemplate(template), `the template ${template.key} is invalid`);
  return template;
}

/**
 * Renders the three parts of a message. Values are HTML-escaped in the HTML body only; the
 * subject becomes one line whatever the values hold, since a line break in a header would
 * start a header of its own. Variables that are not (or no longer) known render as '' rather
 * than failing: a template accepted yesterday must still send today.
 */
export function renderTemplate(
  template: NotificationTemplate,
  variables: TemplateVariables,
): RenderedMessage {
  const parts = {} as Record<TemplateField, TemplateNode[]>;
  const violations: FieldViolation[] = [];
  for (const field of TEMPLATE_FIELDS) {
    const parsed = parseTemplate(template[field]);
    if ('error' in parsed) violations.push({ field, message: parsed.error });
    else parts[field] = parsed.nodes;
  }
  if (violations.length > 0) {
    throw new NotificationError(
      NotificationErrorCode.ValidationFailed,
      `the template ${template.key} (${template.locale}) cannot be rendered`,
      violations,
    );
  }
  return {
    subject: oneLine(renderNodes(parts.subject, variables, (value) => value)),
    text: renderNodes(parts.bodyText, variables, (value) => value),
    html: renderNodes(parts.bodyHtml, variables, escapeHtml),
  };
}

export function escapeHtml(value: string): string {
  return (
    value
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;')
      // Multi-line values (comments, digest lists) would otherwise run together in HTML.
      .replace(/\r\n|\r|\n/g, '<br>\n')
  );
}

function lengthViolations(field: TemplateField, source: string): FieldViolation[] {
  const max = field === 'subject' ? SUBJECT_MAX_LENGTH : BODY_MAX_LENGTH;
  const violations: FieldViolation[] = [];
  if (source.trim().length === 0) {
    violations.push({ field, message: `${field} must not be empty` });
  } else if (source.length > max) {
    violations.push({
      field,
      message: `${field} must be at most ${max} characters, not ${source.length}`,
    });
  }
  if (field === 'subject' && /[\r\n\u2028\u2029]/.test(source)) {
    violations.push({ field, message: 'subject must be a single line' });
  }
  return violations;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim();
}

function renderNodes(
  nodes: readonly TemplateNode[],
  variables: TemplateVariables,
  escape: (value: string) => string,
): string {
  let output = '';
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        output += node.text;
        break;
      case 'variable':
        output += escape(displayOf(valueAt(variables, node.path)));
        break;
      case 'if':
        output += renderNodes(
          isTruthy(valueAt(variables, node.path)) ? node.then : node.otherwise,
          variables,
          escape,
        );
        break;
    }
  }
  return output;
}

function valueAt(variables: TemplateVariables, path: string): unknown {
  let current: unknown = variables;
  for (const segment of path.split('.')) {
    // Own properties only: `{{ ticket.constructor }}` must not reach the prototype.
    if (
      current === null ||
      typeof current !== 'object' ||
      !Object.prototype.hasOwnProperty.call(current, segment)
    ) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function displayOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint' || value === true) return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (Array.isArray(value)) {
    return value
      .map(displayOf)
      .filter((line) => line.length > 0)
      .join('\n');
  }
  // null, undefined, false and objects have no text of their own.
  return '';
}

function isTruthy(value: unknown): boolean {
  if (typeof value === 'number') return value !== 0 && Number.isFinite(value);
  return displayOf(value).trim().length > 0;
}

function variablesOf(nodes: readonly TemplateNode[]): string[] {
  return nodes.flatMap((node) => {
    switch (node.kind) {
      case 'text':
        return [];
      case 'variable':
        return [node.path];
      case 'if':
        return [node.path, ...variablesOf(node.then), ...variablesOf(node.otherwise)];
    }
  });
}

function parseTemplate(source: string): Parsed {
  const texts: string[] = [];
  const tags: Tag[] = [];
  let position = 0;
  for (;;) {
    const open = source.indexOf('{{', position);
    if (open < 0) {
      texts.push(source.slice(position));
      break;
    }
    const close = source.indexOf('}}', open + 2);
    const inner = close < 0 ? '' : source.slice(open + 2, close);
    const nestedOpen = inner.indexOf('{{');
    if (close < 0 || nestedOpen >= 0) {
      return { error: `${where(source, open)}: "{{" is not closed with "}}"` };
    }
    const tag = readTag(inner.trim(), open);
    if ('error' in tag) return { error: `${where(source, open)}: ${tag.error}` };
    texts.push(source.slice(position, open));
    tags.push(tag);
    position = close + 2;
  }
  dropStandaloneLines(texts, tags);
  return buildTree(source, texts, tags);
}

function readTag(inner: string, offset: number): Tag | { error: string } {
  if (inner.length === 0) return { error: 'an empty {{ }} names no variable' };
  if (inner.startsWith('{')) {
    return { error: 'triple braces are not supported: values are escaped by the message format' };
  }
  if (inner.startsWith('#')) {
    const block = /^#\s*(\S*)\s*(.*)$/s.exec(inner);
    const [, name = '', argument = ''] = block ?? [];
    if (name !== 'if') {
      return { error: `{{#${name}}} is not supported: the only block is {{#if variable}}` };
    }
    if (!PATH.test(argument)) {
      return { error: `{{#if}} needs one variable, e.g. {{#if comment.body}}, not "${argument}"` };
    }
    return { kind: 'if', path: argument, offset };
  }
  if (inner === 'else') return { kind: 'else', offset };
  if (/^else\s/.test(inner)) {
    return { error: '{{else if}} is not supported: put an {{#if}} inside the {{else}}' };
  }
  if (inner.startsWith('/')) {
    if (inner.slice(1).trim() === 'if') return { kind: 'end', offset };
    return { error: `{{${inner}}} closes no block: the only block is {{#if variable}}` };
  }
  if (!PATH.test(inner)) {
    return { error: `"{{${inner}}}" is not a variable such as {{ticket.number}}` };
  }
  return { kind: 'variable', path: inner, offset };
}

/**
 * A block tag alone on its line takes the line with it, as in Handlebars, so that a template
 * can put {{#if}} and {{/if}} on lines of their own without leaving blank lines in the message.
 */
function dropStandaloneLines(texts: string[], tags: readonly Tag[]): void {
  const standalone = tags.map((tag, index) => {
    if (tag.kind === 'variable') return false;
    const before = texts[index] ?? '';
    const after = texts[index + 1] ?? '';
    const lineStart = before.lastIndexOf('\n');
    const lineEnd = after.indexOf('\n');
    return (
      (lineStart >= 0 || index === 0) &&
      /^[ \t]*$/.test(before.slice(lineStart + 1)) &&
      (lineEnd >= 0 || index === tags.length - 1) &&
      /^[ \t\r]*$/.test(lineEnd < 0 ? after : after.slice(0, lineEnd))
    );
  });
  texts.forEach((text, index) => {
    const start = standalone[index - 1] ? text.indexOf('\n') + 1 || text.length : 0;
    const end = standalone[index] ? text.lastIndexOf('\n') + 1 : text.length;
    texts[index] = text.slice(start, Math.max(start, end));
  });
}

function buildTree(source: string, texts: readonly string[], tags: readonly Tag[]): Parsed {
  const root: TemplateNode[] = [];
  const open: { node: IfNode; tag: Tag; inElse: boolean }[] = [];
  const current = (): TemplateNode[] => {
    const top = open[open.length - 1];
    if (!top) return root;
    return top.inElse ? top.node.otherwise : top.node.then;
  };
  for (let index = 0; index <= tags.length; index += 1) {
    const text = texts[index] ?? '';
    if (text.length > 0) current().push({ kind: 'text', text });
    const tag = tags[index];
    if (!tag) continue;
    const top = open[open.length - 1];
    switch (tag.kind) {
      case 'variable':
        current().push({ kind: 'variable', path: tag.path });
        break;
      case 'if': {
        const node: IfNode = { kind: 'if', path: tag.path, then: [], otherwise: [] };
        current().push(node);
        open.push({ node, tag, inElse: false });
        break;
      }
      case 'else':
        if (!top) return { error: `${where(source, tag.offset)}: {{else}} outside an {{#if}}` };
        if (top.inElse) {
          return {
            error: `${where(source, tag.offset)}: a second {{else}} in the {{#if ${top.node.path}}} opened at ${where(source, top.tag.offset)}`,
          };
        }
        top.inElse = true;
        break;
      case 'end':
        if (!top) return { error: `${where(source, tag.offset)}: {{/if}} without an {{#if}}` };
        open.pop();
        break;
    }
  }
  const unclosed = open[open.length - 1];
  if (unclosed) {
    return {
      error: `${where(source, unclosed.tag.offset)}: {{#if ${unclosed.node.path}}} is not closed with {{/if}}`,
    };
  }
  return { nodes: root };
}

/** "line 3, column 5", so an author finds the tag in a long body. */
function where(source: string, offset: number): string {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}
