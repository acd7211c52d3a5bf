// Stops run_hub.py, which stops the hub, its proxy, the service and the learners' servers.
module.exports = async () => {
  const pid = Number(process.env.JAXLINGS_HUB_PID);
  if (!pid) {
    return;
  }
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let i = 0; i < 600; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return; // gone
    }
    await new Promise(r => setTimeout(r, 100));
  }
};
