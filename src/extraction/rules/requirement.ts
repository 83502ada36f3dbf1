/**
 * The short requirement phrase of a task: the clause without its owner, its deadline, owner notes, its
 * numbering and lead words, cut at a comma to about 60 characters.
 */

export const REQUIREMENT_MAX = 60;

export interface Removal {
  /** Offsets in the clause. */
  start: number;
  end: number;
}

const LEAD_WORDS = /^(?:[一二三四五六七八九十]+(?:是|要)|要|并|同时|此外|另外|其中|进一步|对此|务必|必须|切实)+/;
/** Who said it, before what was said: "会议要求，", "会议强调", "会上指出："; or left alone when whom it asked was taken out ("会议[要求市公安局]牵头"). */
const REPORTED = /^(?:会议|会上)(?:还|同时)?(?:(?:要求|强调|指出|提出|明确)[，,：:]?|(?=[，,：:]|牵头|牽頭|负责|負責))/;
/** The partners, named first once the owner is taken out: "会同南溪镇，", "各镇街、各通信运营商配合，". */
/** …or last: "…，市公安局配合", "…，东湖街道、西山镇配合做好上门劝阻". */
const PARTNERS_LAST = /[，,][^，,。；;]{2,40}?(?:派员|积极|全力|共同|密切)?(?:配合|参与|參與|协助|協助)[^，,。；;]{0,12}$/;
const PARTNERS_FIRST = /^(?:牵头|牽頭|负责|負責)?[，,]?(?:(?:会同|會同|联合|聯合|协同|協同)[^，,。；;]{2,40}[，,]|[^，,。；;]{2,40}?(?:配合|参与|參與|协助|協助)[，,])/;
/** "在"/"于" left before a deadline taken out ("要在6月底前建成" → "建成"), not one ending a word ("存在", "由于"). */
const BEFORE_TIME = /(^|[，,、要并须应将也还均都])(?:要)?(?:在|于)$/;
/** "根据…精神，", "按照…要求，", "为…，": the basis or purpose before the requirement. */
const PURPOSE_OR_BASIS = /^(?:根据|按照|依据|为了|为)[^，,。；;]{2,80}[，,](?=[^，,。；;]{6})/;
const EDGE_PUNCTUATION = /^[，,。；;：:、\s]+|[，,。；;：:、\s]+$/g;

export function requirementPhrase(clause: string, removals: readonly Removal[]): string {
  let phrase = '';
  let from = 0;
  for (const removal of [...removals].sort((a, b) => a.start - b.start)) {
    if (removal.start > from) phrase = (phrase + clause.slice(from, removal.start)).replace(BEFORE_TIME, '$1');
    from = Math.max(from, removal.end);
  }
  phrase += clause.slice(from);
  phrase = phrase.replace(/[（(][^（）()]*[）)]/g, (p) => (/牵头|负责|配合|牽頭|負責/.test(p) ? '' : p));
  for (let previous = ''; previous !== phrase; ) {
    previous = phrase;
    phrase = phrase.replace(EDGE_PUNCTUATION, '').replace(REPORTED, '').replace(PARTNERS_FIRST, '').replace(PARTNERS_LAST, '').replace(LEAD_WORDS, '').replace(/^(?:到|在|于|从|自即日起至|自即日起|即日起)(?=[，,]|$)/, '').replace(PURPOSE_OR_BASIS, '');
  }
  if (phrase.length <= REQUIREMENT_MAX) return phrase;
  const cut = Math.max(phrase.lastIndexOf('，', REQUIREMENT_MAX), phrase.lastIndexOf(',', REQUIREMENT_MAX));
  return (cut >= 12 ? phrase.slice(0, cut) : phrase.slice(0, REQUIREMENT_MAX)).replace(EDGE_PUNCTUATION, '');
}
