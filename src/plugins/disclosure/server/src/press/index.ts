import type { Capability } from '../utils/capability';

/** 新闻发布 and 回应关切: the press duties (their deadlines are tracked by deadlines/). */
export default {} satisfies Capability;
