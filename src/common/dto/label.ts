import { getMetadataStorage, ValidateBy } from 'class-validator';

export interface LabelOptions {
  /** A list's items, with `{n}` for the position from 1: `第{n}个问题` makes `findings.0` read 第1个问题. */
  item?: string;
  /** A nested object whose fields name themselves: `contact.phone` reads 联系电话, not 联系方式的联系电话. */
  prefix?: false;
  /** Prose written over several lines (a textarea): line breaks and tabs are allowed in it. */
  multiline?: boolean;
  /** Taken exactly as typed and never shown (a password): its characters are not checked here. */
  verbatim?: boolean;
  /** Set by the system when the record is made and not offered on edit forms. */
  fixed?: boolean;
}

export interface FieldLabel extends LabelOptions {
  text: string;
}

const LABEL = 'label';

/**
 * What a field is called in Chinese, for validation messages (`约谈时间不能为空`), and what kind of text
 * it takes. Kept as a validation rule that always passes, so that it is inherited with the other rules
 * by subclasses and by `PartialType`/`OmitType`, which copy class-validator's metadata only.
 */
export function Label(text: string, options: LabelOptions = {}): PropertyDecorator {
  return ValidateBy({ name: LABEL, constraints: [{ ...options, text } satisfies FieldLabel], validator: { validate: () => true } });
}

const labelsByClass = new WeakMap<Function, Map<string, FieldLabel>>();

/** The labels of a DTO class's properties, its own before those it inherits. */
export function fieldLabels(dtoClass: Function): ReadonlyMap<string, FieldLabel> {
  let labels = labelsByClass.get(dtoClass);
  if (!labels) {
    labels = new Map();
    for (const metadata of getMetadataStorage().getTargetValidationMetadatas(dtoClass, '', true, false)) {
      if (metadata.name === LABEL && !labels.has(metadata.propertyName)) labels.set(metadata.propertyName, metadata.constraints[0] as FieldLabel);
    }
    labelsByClass.set(dtoClass, labels);
  }
  return labels;
}

/** The label of a property of a validated object; none for plain objects, arrays and unknown fields. */
export function fieldLabel(target: unknown, property: string): FieldLabel | undefined {
  if (typeof target !== 'object' || target === null) return undefined;
  const dtoClass = target.constructor;
  return typeof dtoClass === 'function' && dtoClass !== Object && dtoClass !== Array ? fieldLabels(dtoClass).get(property) : undefined;
}
