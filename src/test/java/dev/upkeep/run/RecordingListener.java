package dev.upkeep.run;


import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Keeps every event of a run, for assertions. */
class RecordingListener implements RunListener {
    final List<RunEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(RunEvent event) {
        events.add(event);
    }

    List<String> lines(String server) {
        return events.stream().filter(e -> e instanceof RunEvent.Output o && o.server().server().equals(server))
                .map(e -> ((RunEvent.Output) e).line()).toList();
    }

    List<RunEvent.StepChanged> steps(String server, RunStep step) {
        return events.stream().filter(e -> e instanceof RunEvent.StepChanged s && s.server().server().equals(server) && s.step() == step)
                .map(e -> (RunEvent.StepChanged) e).toList();
    }

    <T extends RunEvent> List<T> of(Class<T> type, Predicate<T> filter) {
        return events.stream().filter(type::isInstance).map(type::cast).filter(filter).toList();
    }
}
