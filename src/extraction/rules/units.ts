/**
 * Matching an owner as written to a registered unit: by full name, short name or alias; an exact match
 * first, then a containment match when exactly one unit fits. Generic owners ("各镇街", "各成员单位",
 * "相关部门") name no single unit and stay unmatched, unless the office made one a unit's alias. A
 * sector's bodies ("公安机关", "通信管理部门") are its one unit; the commercial banks are not the central bank.
 */
import type { ExtractedOwner, UnitCandidate } from './types';

/** Owners that address many units at once. */
const GENERIC_OWNER = /^(?:全市|全县|全区|市|县|区)?(?:各|相关|有关)|各级|各地|成员单位|等部门$|等单位$/;

export function isGenericOwner(text: string): boolean {
  return GENERIC_OWNER.test(text);
}

/** "公安机关", "税务部门", "教育系统": a sector's bodies, which in a city's document mean its one unit of that sector. */
const SECTOR_BODIES = /^(?:各级|全市|市)?(公安|税务|教育|民政|司法|财政|交通运输|交通|商务|住建|人社|卫健|文旅|市场监管|网信|工信|通信管理|邮政管理|金融监管)(?:机关|部门|系统)$/;

/** Commercial banks ("银行", "各银行") are not the central bank, whose name merely contains the word. */
const COMMERCIAL_BANKS = /^(?:各|各家|商业)?银行$/;

/** Full- and half-width brackets and spaces do not distinguish names. */
export function normaliseName(name: string): string {
  return name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

/** Prepared once per analysis: each unit's normalised names. */
export class UnitMatcher {
  private readonly exact = new Map<string, Set<number>>();
  private readonly names: { id: number; name: string }[] = [];

  constructor(units: readonly UnitCandidate[]) {
    for (const unit of units) {
      for (const raw of unit.names) {
        const name = normaliseName(raw);
        if (name.length < 2) continue;
        if (!this.exact.has(name)) this.exact.set(name, new Set());
        this.exact.get(name)!.add(unit.id);
        this.names.push({ id: unit.id, name });
      }
    }
  }

  /** The unit the owner names, or null when none or several fit. */
  match(text: string): number | null {
    const name = normaliseName(text);
    const exact = this.exact.get(name);
    // The office may give a unit a generic-looking alias ("各快递企业" for the postal regulator): its word stands.
    if (exact) return exact.size === 1 ? [...exact][0] : null;
    const sector = SECTOR_BODIES.exec(name)?.[1];
    if (sector) return this.only((n) => n.name.includes(sector));
    if (isGenericOwner(text) || COMMERCIAL_BANKS.test(name)) return null;
    return this.only((n) => n.name.includes(name) || name.includes(n.name));
  }

  /** The one unit some of whose names pass `test`, or null when none or several do. */
  private only(test: (name: { id: number; name: string }) => boolean): number | null {
    const containing = new Set(this.names.filter(test).map((n) => n.id));
    return containing.size === 1 ? [...containing][0] : null;
  }

  owners(texts: readonly string[]): ExtractedOwner[] {
    return texts.map((text) => ({ text, unitId: this.match(text) }));
  }
}
