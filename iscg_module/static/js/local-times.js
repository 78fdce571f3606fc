// Shows a meeting's time in the reader's own time zone when it differs from the meeting's.
(function () {
  "use strict";
  var readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var format = new Intl.DateTimeFormat(undefined, {
    weekday: "long", day: "numeric", month: "long", year: "numeric",
    hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short"
  });
  document.querySelectorAll(".local-time[data-start]").forEach(function (element) {
    if (!readerZone || element.dataset.zone === readerZone) {
      return;
    }
    var start = new Date(element.dataset.start);
    var end = new Date(element.dataset.end);
    var span = format.formatRange ? format.formatRange(start, end)
      : format.format(start) + " – " + format.format(end);
    element.textContent = "Your time (" + readerZone + "): " + span;
    element.hidden = false;
  });
})();
