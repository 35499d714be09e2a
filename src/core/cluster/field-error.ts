// Field-level validation errors, formatted like apimachinery's field.Error.

export type FieldErrorType = 'Required value' | 'Invalid value' | 'Duplicate value' | 'Forbidden' | 'Unsupported value' | 'Internal error';

/** A bad value as the API server prints it: strings quoted, numbers bare, structs pre-rendered. */
export type BadValue =
  { readonly kind: 'string'; readonly value: string } | { readonly kind: 'number'; readonly value: number } | { readonly kind: 'raw'; readonly text: string };

export interface FieldError {
  readonly type: FieldErrorType;
  readonly field: string;
  readonly value?: BadValue;
  readonly detail: string;
}

/** Go's %q for the strings the simulator deals in. */
export function goQuote(text: string): string {
  return JSON.stringify(text)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function valueText(value: BadValue): string {
  switch (value.kind) {
    case 'string':
      return goQuote(value.value);
    case 'number':
      return String(value.value);
    case 'raw':
      return value.text;
  }
}

export function badValue(value: string | number): BadValue {
  return typeof value === 'number' ? { kind: 'number', value } : { kind: 'string', value };
}

export const required = (field: string, detail = ''): FieldError => ({ type: 'Required value', field, detail });
export const forbidden = (field: string, detail: string): FieldError => ({ type: 'Forbidden', field, detail });
export const invalid = (field: string, value: string | number, detail: string): FieldError => ({
  type: 'Invalid value',
  field,
  value: badValue(value),
  detail,
});
export const duplicate = (field: string, value: BadValue): FieldError => ({ type: 'Duplicate value', field, value, detail: '' });

export function notSupported(field: string, value: string, supported: readonly string[]): FieldError {
  const detail = supported.length > 0 ? `supported values: ${supported.map(goQuote).join(', ')}` : '';
  return { type: 'Unsupported value', field, value: badValue(value), detail };
}

/** The message part of a field error (ErrorBody): type, value, detail. */
export function fieldErrorBody(error: FieldError): string {
  let text: string = error.type;
  const omitsValue = error.type === 'Required value' || error.type === 'Forbidden' || error.type === 'Internal error';
  if (!omitsValue && error.value !== undefined) text += `: ${valueText(error.value)}`;
  if (error.detail.length > 0) text += `: ${error.detail}`;
  return text;
}

/** `<path>: <body>`, the line kubectl prints per cause. */
export function formatFieldError(error: FieldError): string {
  return `${error.field}: ${fieldErrorBody(error)}`;
}
