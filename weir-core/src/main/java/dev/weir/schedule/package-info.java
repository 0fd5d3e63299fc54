/**
 * Schedule arithmetic: cron, interval and RRule schedules, their next fire times under the
 * daylight-saving rules of REFERENCE section 6, and the scheduler's window of upcoming runs.
 */
package dev.weir.schedule;
