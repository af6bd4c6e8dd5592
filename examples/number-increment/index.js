// The smallest real case from this project's origins: `number++` on a const really throws
// "TypeError: Assignment to constant variable." on Lambda, and the harness reports it byte for byte.
exports.handler = (event) => {
  const number = event.number;
  const updatedNum = number++;
  return { result: updatedNum };
};
