import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { hasChineseMessage } from '../validation';
import { fieldLabels } from './label';

/** Every class exported by a DTO file (src/**\/dto/*.ts) or a notice kind's (src/**\/kinds/*.ts) that carries validation rules: the service's inputs. */
function inputClasses(): [string, Function][] {
  const root = join(__dirname, '..', '..');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((path) => /(^|\/)(dto|kinds)\/[^/]+\.ts$/.test(path) && !path.endsWith('.spec.ts'));
  return files.flatMap((file) =>
    Object.entries(require(join(root, file)) as Record<string, unknown>)
      .filter((entry): entry is [string, Function] => typeof entry[1] === 'function' && /^[A-Z]/.test(entry[0]))
      .filter(([, dtoClass]) => getMetadataStorage().getTargetValidationMetadatas(dtoClass, '', true, false).length > 0),
  );
}

describe('DTO fields are named for people', () => {
  const classes = inputClasses();

  it('finds the DTOs of every feature, the notice content among them', () => {
    const names = classes.map(([name]) => name);
    expect(names.length).toBeGreaterThan(50);
    expect(names).toEqual(expect.arrayContaining(['CreateDirectiveDto', 'InterviewContentDto', 'RectificationContentDto', 'UpdateUnitDto', 'UpdateUserDto', 'AuditQueryDto', 'PageQueryDto']));
  });

  it('gives every validated property a Chinese label', () => {
    const unlabelled = classes.flatMap(([name, dtoClass]) => {
      const properties = new Set(getMetadataStorage().getTargetValidationMetadatas(dtoClass, '', true, false).map((m) => m.propertyName));
      return [...properties].filter((property) => !/[\u4e00-\u9fff]/.test(fieldLabels(dtoClass).get(property)?.text ?? '')).map((property) => `${name}.${property}`);
    });
    expect(unlabelled).toEqual([]);
  });

  it('words every rule in use in Chinese', () => {
    const english = classes.flatMap(([name, dtoClass]) =>
      getMetadataStorage()
        .getTargetValidationMetadatas(dtoClass, '', true, false)
        .filter((m) => m.type !== 'conditionalValidation' && m.name !== 'label' && m.message === undefined)
        .map((m) => m.name ?? m.type)
        .filter((constraint) => !hasChineseMessage(constraint))
        .map((constraint) => `${name}: ${constraint}`),
    );
    expect(english).toEqual([]);
  });
});
