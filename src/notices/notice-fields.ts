import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { Label, LabelOptions } from '../common/dto/label';
import { trim } from '../common/dto/transforms';

/** A required text on the document, named as the edit form names it. */
export function Text(label: string, max: number, options: LabelOptions = {}) {
  return (target: object, key: string) => {
    IsString()(target, key);
    Transform(trim)(target, key);
    IsNotEmpty({ message: '不能为空' })(target, key);
    MaxLength(max)(target, key);
    Label(label, options)(target, key);
  };
}

/** A required list of lines; `item` names one of them (`第{n}条有关要求`). */
export function TextList(label: string, item: string, max: number, items: number) {
  return (target: object, key: string) => {
    IsArray()(target, key);
    ArrayMinSize(1)(target, key);
    ArrayMaxSize(items)(target, key);
    IsString({ each: true })(target, key);
    IsNotEmpty({ each: true, message: '不能为空' })(target, key);
    MaxLength(max, { each: true })(target, key);
    Label(label, { item })(target, key);
  };
}

/** A required count printed on the document. */
export const Days = (label: string) => applyDecorators(IsInt(), Min(0), Max(10000), Label(label));
/** The contact line, which may be left blank. */
export const Contact = () => applyDecorators(IsString(), MaxLength(100), Label('联系人'));
