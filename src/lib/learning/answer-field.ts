/** The form field of a quiz question, q1, q2… in the order shown: shared by the form and the grader. */
export const answerField = (index: number) => `q${index + 1}`;
