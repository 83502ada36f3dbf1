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

export interface MemoryTrend {
  /** The highest sample of the third quarter of the run, MB. */
  thirdQuarterMaxMb: number;
  /** The highest sample of the last quarter, MB. */
  lastQuarterMaxMb: number;
  /** How much higher the last quarter may peak before memory counts as growing, MB. */
  allowanceMb: number;
  flat: boolean;
}

/**
 * Whether memory sampled at regular intervals stayed flat over the second half of a run: the last
 * quarter may not peak higher than the third quarter did, give or take `tolerance` (a fraction of the
 * third quarter's peak). Peaks are compared, not means, because a renderer that recycles its browser
 * draws a saw-tooth: each quarter holds whole teeth, so each has the same peak unless something
 * outlives the recycling. Needs at least one sample in each of the two quarters.
 */
export function memoryTrend(samplesMb: number[], tolerance: number): MemoryTrend {
  const half = Math.floor(samplesMb.length / 2);
  const threeQuarters = Math.floor((samplesMb.length * 3) / 4);
  const third = samplesMb.slice(half, threeQuarters);
  const last = samplesMb.slice(threeQuarters);
  if (third.length === 0 || last.length === 0) throw new Error(`${samplesMb.length} 个采样不足以比较后半程的两个四分之一`);
  const thirdQuarterMaxMb = Math.max(...third);
  const lastQuarterMaxMb = Math.max(...last);
  const allowanceMb = Math.round(thirdQuarterMaxMb * tolerance);
  return { thirdQuarterMaxMb, lastQuarterMaxMb, allowanceMb, flat: lastQuarterMaxMb <= thirdQuarterMaxMb + allowanceMb };
}
