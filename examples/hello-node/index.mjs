export const handler = async (event) => {
  const name = (event && event.name) || "world";
  const greeting = process.env.GREETING || "Hello";
  return { message: `${greeting}, ${name}!` };
};
