/** The job service: consumers post jobs with data, the service answers with results. */
package dev.hbi.samples.jobs;
