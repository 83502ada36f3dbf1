import { processTree, residentKb } from '../src/common/processes';

export interface Resident {
  /** This Node process. */
  nodeMb: number;
  /** The Chromium processes it runs: its browsers and their descendants (never another program's). */
  chromiumMb: number;
  /** Their private part (RssAnon), which PDF_BROWSER_MAX_MB limits. */
  chromiumPrivateMb: number;
  /** How many Chromium processes that is. */
  chromiumProcesses: number;
}

/** Resident memory (RSS) of this process and of the browsers whose pids are given, in MB. */
export async function resident(browserPids: () => Promise<number[]>): Promise<Resident> {
  const chromium = (await browserPids()).flatMap(processTree);
  const { rss, anon } = residentKb(chromium);
  return {
    nodeMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
    chromiumMb: Math.round(rss / 1024),
    chromiumPrivateMb: Math.round(anon / 1024),
    chromiumProcesses: chromium.length,
  };
}

/**
 * How far (a fraction) the last quarter's mean may lie above the third's. A reading catches whatever
 * the moment holds (a page mid-render or idle, a browser starting beside the one it replaces, garbage
 * not yet collected in Chromium or in Node): a quarter's highest reading moves by up to 3.4% between
 * flat runs, the mean of its five or six readings by at most 2% (seven soaks of 5,000 renders, before
 * and after the pages' garbage was collected). 5% is above that, and catches a leak from about 32 kB
 * a render (40 MB over the 1,250 renders between the quarters' middles): the old renderer, its browser
 * never replaced, grew 59 kB a render over the second half of a soak and is 8.8% above it.
 */
export const FLAT_TOLERANCE = 0.05;

export interface MemoryTrend {
  /** The mean of the third quarter's samples, MB. */
  thirdQuarterMeanMb: number;
  /** The mean of the last quarter's samples, MB. */
  lastQuarterMeanMb: number;
  /** How much higher the last quarter's mean may be before memory counts as growing, MB. */
  allowanceMb: number;
  flat: boolean;
}

const mean = (values: number[]) => Math.round(values.reduce((sum, value) => sum + value, 0) / values.length);

/**
 * Whether memory sampled at regular intervals stayed flat over the second half of a run: the mean of
 * the last quarter's samples may not exceed the third quarter's by more than `tolerance` (a fraction
 * of it). Means, because single readings catch a saw-tooth (a browser recycled, garbage collected)
 * at one phase or another. Needs at least one sample in each of the two quarters.
 */
export function memoryTrend(samplesMb: number[], tolerance: number): MemoryTrend {
  const half = Math.floor(samplesMb.length / 2);
  const threeQuarters = Math.floor((samplesMb.length * 3) / 4);
  const third = samplesMb.slice(half, threeQuarters);
  const last = samplesMb.slice(threeQuarters);
  if (third.length === 0 || last.length === 0) throw new Error(`${samplesMb.length} 个采样不足以比较后半程的两个四分之一`);
  const thirdQuarterMeanMb = mean(third);
  const lastQuarterMeanMb = mean(last);
  const allowanceMb = Math.round(thirdQuarterMeanMb * tolerance);
  return { thirdQuarterMeanMb, lastQuarterMeanMb, allowanceMb, flat: lastQuarterMeanMb <= thirdQuarterMeanMb + allowanceMb };
}
