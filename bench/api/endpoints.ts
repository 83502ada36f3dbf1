/**
 * What `npm run bench:api` measures: one row per list, as whom, and how to tell that its answer is real
 * (a 200 with the rows the seed put there, filtered as asked), since a fast empty answer proves nothing.
 * Paths under /api are called with the Bearer token, the others (pages) with the session cookie.
 * The board and the ranking join this table when they exist, with their own goal.
 */

export type Persona = 'office' | 'leader' | 'unit';

export interface Goal {
  /** Under load: the 99th percentile of latency. */
  p99Ms: number;
  /** One request at a time: the median. */
  singleMs: number;
}

export const DEFAULT_GOAL: Goal = { p99Ms: 50, singleMs: 20 };

/** Why an answer is not what the list should show, or null when it is. */
export type Check = (body: string) => string | null;

export interface Endpoint {
  /** For BENCH_ONLY and the JSON. */
  name: string;
  /** For the printed table. */
  label: string;
  as: Persona;
  path: string;
  check: Check;
  goal?: Goal;
  /**
   * For what a page links to rather than a fixed path (the board's chart images): the page read as the
   * persona, and the first link matching `link` (its group 1) is measured instead of `path`.
   */
  linkedFrom?: { page: string; link: RegExp };
  /** Measures the browser's second visit: asked with the ETag of a first answer, the answer is 304 without a body. */
  revalidate?: boolean;
}

interface PageBody {
  items?: Record<string, unknown>[];
  page?: number;
}

/** A JSON page with rows, each of which passes `row` (the filter was applied). */
function listed(row: (item: Record<string, unknown>) => boolean = () => true, what = ''): Check {
  return (body) => {
    let page: PageBody;
    try {
      page = JSON.parse(body) as PageBody;
    } catch {
      return '不是 JSON';
    }
    if (!Array.isArray(page.items) || page.items.length === 0) return '列表为空';
    const wrong = page.items.find((item) => !row(item));
    return wrong ? `有一行不是${what}：${JSON.stringify(wrong).slice(0, 200)}` : null;
  };
}

/** An HTML page showing at least one `marker` (a row linking to a task, a non-zero tile). */
function shows(marker: RegExp, what: string): Check {
  return (body) => (marker.test(body) ? null : `页面上没有${what}`);
}

/** A JSON answer whose `what` passes `test` (the board's figures are objects, not pages of rows). */
function answers(test: (body: Record<string, unknown>) => boolean, what: string): Check {
  return (body) => {
    try {
      return test(JSON.parse(body) as Record<string, unknown>) ? null : `没有${what}`;
    } catch {
      return '不是 JSON';
    }
  };
}

/** A JSON answer holding a non-empty list under `key` (or being one, without a key). */
function holds(key: string | null, what: string): Check {
  return answers((parsed) => {
    const list = key ? parsed[key] : parsed;
    return Array.isArray(list) && list.length > 0;
  }, what);
}

const BOARD_GOAL: Goal = { p99Ms: 100, singleMs: 50 };
const BOARD_FIGURES = answers((b) => Array.isArray(b.units) && b.units.length > 0 && (b.totals as { open: number }).open > 0, '在办任务的单位');
/** The board page: its charts as images of their own and its matrix cells linking to tasks. */
const BOARD_PAGE: Check = (body) => (!/<img src="\/board\/charts\/units\.svg\?/.test(body) ? '页面上没有图表' : /class="cell cell-\w+" href="\/tasks\/\d+"/.test(body) ? null : '作战图上没有任务');
/** A chart of the board: an SVG with its texts (units, weeks, values) drawn. */
const BOARD_CHART: Check = (body) => (body.startsWith('<svg') && body.includes('<text') ? null : `不是画好的图表：${body.slice(0, 100)}`);
/** The board's chart images as its page links them, with the page's filters. */
const chartOn = (page: string, chart: string) => ({ page, link: new RegExp(`<img src="(/board/charts/${chart}\\.svg\\?[^"]*)"`) });
const RANKING_GOAL: Goal = { p99Ms: 100, singleMs: 20 };

const TASK_ROW = shows(/href="\/tasks\/\d+"/, '任务');
const TILE = shows(/<span class="num">[1-9]\d*<\/span>/, '非零的数字');
const daysLeft = (item: Record<string, unknown>) => item.workingDaysLeft as number | null;

export const ENDPOINTS: readonly Endpoint[] = [
  { name: 'unit-tasks', label: '单位：我的任务', as: 'unit', path: '/api/assignments', check: listed() },
  { name: 'unit-tasks-overdue', label: '单位：我的任务·已超期', as: 'unit', path: '/api/assignments?overdue=true', check: listed((a) => a.overdue === true, '超期任务') },
  { name: 'unit-tasks-due-soon', label: '单位：我的任务·5个工作日内到期', as: 'unit', path: '/api/assignments?dueWithin=5', check: listed((a) => daysLeft(a) !== null && daysLeft(a)! >= 0 && daysLeft(a)! <= 5, '5个工作日内到期的任务') },
  { name: 'unit-tasks-in-progress', label: '单位：我的任务·办理中', as: 'unit', path: '/api/assignments?status=in_progress', check: listed((a) => a.status === 'in_progress', '办理中的任务') },
  { name: 'unit-tasks-page', label: '单位：我的任务页面 /tasks', as: 'unit', path: '/tasks', check: TASK_ROW },
  { name: 'office-tasks', label: '协调办：全部任务', as: 'office', path: '/api/assignments', check: listed() },
  { name: 'office-tasks-overdue', label: '协调办：已超期任务', as: 'office', path: '/api/assignments?overdue=true', check: listed((a) => a.overdue === true, '超期任务') },
  { name: 'office-tasks-page-100', label: '协调办：全部任务第100页', as: 'office', path: '/api/assignments?page=100', check: listed() },
  { name: 'office-review', label: '协调办：待审核', as: 'office', path: '/api/assignments?awaitingReview=true', check: listed((a) => ['issued', 'acknowledged', 'in_progress', 'completion_requested'].includes(a.status as string), '在办任务') },
  { name: 'office-review-page', label: '协调办：待审核页面 /review', as: 'office', path: '/review', check: TASK_ROW },
  { name: 'office-approvals', label: '协调办：督办审批', as: 'office', path: '/api/escalations', check: listed((e) => e.status === 'pending', '待审批的督办') },
  { name: 'office-approvals-page', label: '协调办：督办审批页面 /escalations', as: 'office', path: '/escalations', check: shows(/href="\/(tasks|rectifications)\/\d+"/, '督办事项') },
  { name: 'office-directives', label: '协调办：督办事项', as: 'office', path: '/api/directives', check: listed() },
  { name: 'office-directives-search', label: '协调办：督办事项·查找“反诈”', as: 'office', path: `/api/directives?q=${encodeURIComponent('反诈')}`, check: listed((d) => String(d.title).includes('反诈'), '含“反诈”的督办事项') },
  { name: 'office-notices', label: '协调办：公文通知', as: 'office', path: '/api/notices', check: listed() },
  { name: 'office-rectifications', label: '协调办：整改事项', as: 'office', path: '/api/rectifications', check: listed() },
  { name: 'office-inbox', label: '协调办：我的消息', as: 'office', path: '/api/notifications', check: listed() },
  { name: 'office-home', label: '协调办：首页 /', as: 'office', path: '/', check: TILE },
  { name: 'leader-home', label: '领导：首页 /', as: 'leader', path: '/', check: TILE },
  { name: 'unit-home', label: '单位：首页 /', as: 'unit', path: '/', check: TILE },
  { name: 'board-office', label: '协调办：挂图作战 /api/board', as: 'office', path: '/api/board', check: BOARD_FIGURES, goal: BOARD_GOAL },
  { name: 'board-office-page', label: '协调办：挂图作战页面 /board', as: 'office', path: '/board', check: BOARD_PAGE, goal: BOARD_GOAL },
  { name: 'board-leader-home', label: '领导：首页（挂图作战）/', as: 'leader', path: '/', check: BOARD_PAGE, goal: BOARD_GOAL },
  { name: 'board-unit-page', label: '单位：本单位挂图作战页面 /board', as: 'unit', path: '/board', check: BOARD_PAGE, goal: BOARD_GOAL },
  { name: 'board-office-chart-units', label: '协调办：挂图作战·各单位图', as: 'office', path: '/board/charts/units.svg', linkedFrom: chartOn('/board', 'units'), check: BOARD_CHART, goal: BOARD_GOAL },
  { name: 'board-office-chart-target', label: '协调办：挂图作战·量化目标图', as: 'office', path: '/board/charts/targets/{id}.svg', linkedFrom: chartOn('/board', 'targets/\\d+'), check: BOARD_CHART, goal: BOARD_GOAL },
  { name: 'board-office-chart-trends', label: '协调办：挂图作战·12周趋势图', as: 'office', path: '/board/charts/trends.svg', linkedFrom: chartOn('/board', 'trends'), check: BOARD_CHART, goal: BOARD_GOAL },
  { name: 'board-office-chart-units-304', label: '协调办：各单位图·再次访问（304）', as: 'office', path: '/board/charts/units.svg', linkedFrom: chartOn('/board', 'units'), check: BOARD_CHART, goal: BOARD_GOAL, revalidate: true },
  { name: 'board-leader-chart-units', label: '领导：首页·各单位图', as: 'leader', path: '/board/charts/units.svg', linkedFrom: chartOn('/', 'units'), check: BOARD_CHART, goal: BOARD_GOAL },
  { name: 'board-unit-chart-units', label: '单位：本单位图', as: 'unit', path: '/board/charts/units.svg', linkedFrom: chartOn('/board', 'units'), check: BOARD_CHART, goal: BOARD_GOAL },
  { name: 'board-unit', label: '单位：本单位挂图作战 /api/board', as: 'unit', path: '/api/board', check: answers((b) => Array.isArray(b.units) && b.units.length === 1, '本单位一行'), goal: BOARD_GOAL },
  { name: 'board-matrix', label: '协调办：作战图 /api/board/matrix', as: 'office', path: '/api/board/matrix', check: answers((b) => Array.isArray(b.rows) && b.rows.length > 0, '督办事项'), goal: BOARD_GOAL },
  { name: 'board-targets', label: '协调办：量化目标 /api/board/targets', as: 'office', path: '/api/board/targets', check: answers((b) => Array.isArray(b.directives) && b.directives.length > 0, '带量化目标的事项'), goal: BOARD_GOAL },
  { name: 'board-trends', label: '协调办：12周趋势 /api/board/trends', as: 'office', path: '/api/board/trends', check: answers((b) => Array.isArray(b.weeks) && (b.weeks as Array<{ completions: number }>).some((w) => w.completions > 0), '办结任务的周'), goal: BOARD_GOAL },
  { name: 'board-quarter-category', label: '协调办：挂图作战·本季度·按类别', as: 'office', path: `/api/board?period=quarter&category=${encodeURIComponent('宣传防范')}`, check: BOARD_FIGURES, goal: BOARD_GOAL },
  // The bench seeds one published period (id 1): its ranking and lines are read from its snapshot.
  { name: 'office-ranking', label: '协调办：上季度考核排名', as: 'office', path: '/api/assessment/periods/1', check: holds('rows', '排名'), goal: RANKING_GOAL },
  { name: 'leader-ranking-page', label: '领导：考核排名页面 /assessment', as: 'leader', path: '/assessment', check: shows(/id="ranking-table"[\s\S]*?<td data-label="得分">/, '排名'), goal: RANKING_GOAL },
  { name: 'unit-ranking-lines', label: '单位：本单位考核计分明细', as: 'unit', path: '/api/assessment/periods/1/lines', check: holds(null, '计分明细'), goal: RANKING_GOAL },
];
