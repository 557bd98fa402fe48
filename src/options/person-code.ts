/**
 * What a person of This week needs beyond the page's first screen, in one chunk (one import, so esbuild does not
 * split what the two share into chunks of their own): why now, the ways to reach them and the log form
 * (ui/ReachOut.tsx), and a day planned with no contact logged (ui/PlanFollowUp.tsx).
 */
export { PlanFollowUp } from '../ui/PlanFollowUp';
export { ReachOut } from '../ui/ReachOut';
