package com.ytempire.monitoring.business;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Runs a metric update once the transaction that stored the event has committed, so an
 * event rolled back with its command is never counted.
 */
final class AfterCommit {

	private AfterCommit() {
	}

	static void run(Runnable update) {
		if (CurrentUnitOfWork.isStarted()) {
			CurrentUnitOfWork.get().root().afterCommit((unitOfWork) -> update.run());
		}
		else {
			update.run();
		}
	}

}
